package io.mip.crypto;

/**
 * Cost parameters for {@link Argon2id} (RFC 9106 section 3.1): memory in KiB, passes, lanes.
 *
 * <p>Refuses weak or abusive settings when constructed, so a tampered wallet file cannot lower the
 * cost of a PIN guess or exhaust memory: memory must be at least {@link #MIN_MEMORY_KIB} (19 MiB)
 * and at most {@link #MAX_MEMORY_KIB} (1 GiB); at least 2 passes, or 1 pass with at least 46 MiB
 * (the OWASP equivalents of 19 MiB with 2 passes); at most {@link #MAX_ITERATIONS} passes; 1 to
 * {@link #MAX_PARALLELISM} lanes. There is no way to build weaker parameters.
 *
 * @param memoryKiB memory size m in KiB
 * @param iterations number of passes t
 * @param parallelism number of lanes p
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
  /** Least memory accepted: 19 MiB. */
  public static final int MIN_MEMORY_KIB = 19 * 1024;

  /** Least memory accepted with a single pass: 46 MiB. */
  public static final int MIN_MEMORY_KIB_ONE_PASS = 46 * 1024;

  /** Most memory accepted: 1 GiB. */
  public static final int MAX_MEMORY_KIB = 1024 * 1024;

  /** Most passes accepted. */
  public static final int MAX_ITERATIONS = 64;

  /** Most lanes accepted. */
  public static final int MAX_PARALLELISM = 16;

  /** RFC 9106 section 4, second recommended option: 64 MiB, 3 passes, 4 lanes. */
  public static final Argon2idParameters RFC_9106_LOW_MEMORY = new Argon2idParameters(65536, 3, 4);

  /** The OWASP minimum: 19 MiB, 2 passes, 1 lane. For constrained devices and tests. */
  public static final Argon2idParameters MINIMUM = new Argon2idParameters(MIN_MEMORY_KIB, 2, 1);

  /** Validates the parameters; see the type description for the rules. */
  public Argon2idParameters {
    if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException("Argon2id memory must be 19 MiB to 1 GiB");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("Argon2id passes must be 1 to " + MAX_ITERATIONS);
    }
    if (iterations == 1 && memoryKiB < MIN_MEMORY_KIB_ONE_PASS) {
      throw new IllegalArgumentException("Argon2id with one pass needs at least 46 MiB");
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("Argon2id lanes must be 1 to " + MAX_PARALLELISM);
    }
  }

  /** Returns a builder starting from {@link #RFC_9106_LOW_MEMORY}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Argon2idParameters}; {@link #build()} applies the validation. */
  public static final class Builder {
    private int memoryKiB = RFC_9106_LOW_MEMORY.memoryKiB;
    private int iterations = RFC_9106_LOW_MEMORY.iterations;
    private int parallelism = RFC_9106_LOW_MEMORY.parallelism;

    private Builder() {}

    /** Sets the memory size in KiB. */
    public Builder memoryKiB(int value) {
      this.memoryKiB = value;
      return this;
    }

    /** Sets the number of passes. */
    public Builder iterations(int value) {
      this.iterations = value;
      return this;
    }

    /** Sets the number of lanes. */
    public Builder parallelism(int value) {
      this.parallelism = value;
      return this;
    }

    /**
     * Returns the parameters.
     *
     * @throws IllegalArgumentException if they are weaker or larger than allowed
     */
    public Argon2idParameters build() {
      return new Argon2idParameters(memoryKiB, iterations, parallelism);
    }
  }
}
