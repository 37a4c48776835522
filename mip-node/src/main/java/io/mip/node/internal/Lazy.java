package io.mip.node.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first use, once, by a supplier (for what needs the node's port or issuer URL,
 * known only after start). Thread-safe; the supplier runs at most once unless it throws.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> factory;
  private volatile T value;

  /** Wraps {@code factory}, which must not return null. */
  public Lazy(Supplier<? extends T> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        if (value == null) {
          value = Objects.requireNonNull(factory.get(), "factory returned null");
        }
        v = value;
      }
    }
    return v;
  }
}
