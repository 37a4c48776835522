package io.mip.wallet.passport.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a PIN held as {@code char[]} into UTF-8 bytes without making a String. */
public final class Pins {
  /** Shortest PIN accepted when a passport is created. */
  public static final int MIN_LENGTH = 6;

  /** Longest PIN accepted. */
  public static final int MAX_LENGTH = 128;

  private Pins() {}

  /**
   * Checks the PIN's length without copying it.
   *
   * @throws IllegalArgumentException if the PIN is missing or its length is out of range
   */
  public static void requireLength(char[] pin, int minLength) {
    if (pin == null || pin.length < minLength || pin.length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the PIN must be " + minLength + " to " + MAX_LENGTH + " characters");
    }
  }

  /**
   * Returns the UTF-8 bytes of {@code pin}; the caller overwrites them when done.
   *
   * @throws IllegalArgumentException if the PIN is missing, longer than {@link #MAX_LENGTH},
   *     shorter than {@code minLength}, or not valid UTF-16
   */
  public static byte[] utf8(char[] pin, int minLength) {
    requireLength(pin, minLength);
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(pin));
      byte[] out = Arrays.copyOf(b.array(), b.limit());
      if (b.hasArray()) {
        Arrays.fill(b.array(), (byte) 0);
      }
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the PIN is not valid text", e);
    }
  }
}
