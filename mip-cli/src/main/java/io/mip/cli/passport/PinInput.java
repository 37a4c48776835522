package io.mip.cli.passport;

import io.mip.cli.CliFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a PIN from standard input: the first line (UTF-8, without its line end), at most 256 bytes.
 * Never echoes or logs it; no String is made of it, and the byte buffer is overwritten.
 */
final class PinInput {
  private static final int MAX_BYTES = 256;

  private PinInput() {}

  /** Reads the PIN from {@code in}. */
  static char[] read(InputStream in) {
    byte[] buf = new byte[MAX_BYTES + 1];
    int n = 0;
    try {
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (n == buf.length) {
          throw CliFailure.usage("the PIN on stdin is longer than " + MAX_BYTES + " bytes");
        }
        buf[n++] = (byte) b;
      }
      if (n > 0 && buf[n - 1] == '\r') {
        n--;
      }
      if (n == 0) {
        throw CliFailure.usage("no PIN on stdin (give it as the first line)");
      }
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, 0, n));
      char[] pin = Arrays.copyOf(chars.array(), chars.limit());
      Arrays.fill(chars.array(), '\0');
      return pin;
    } catch (CharacterCodingException e) {
      throw CliFailure.usage("the PIN on stdin is not UTF-8");
    } catch (IOException e) {
      throw CliFailure.io("cannot read the PIN from stdin");
    } finally {
      Arrays.fill(buf, (byte) 0);
    }
  }
}
