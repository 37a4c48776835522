package io.mip.ledger.evm.internal;

import java.io.IOException;
import java.util.Locale;

/**
 * An error the node answered with (a JSON-RPC error object), as opposed to a transport failure.
 * Nodes shape revert data differently (anvil, Besu and geth put it in {@code data} as a hex string,
 * some wrap it in the message), so {@link #revertData()} looks in both.
 */
public final class RpcException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String data;

  RpcException(String method, int code, String message, String data) {
    super(method + " failed: " + message + " (code " + code + ")");
    this.code = code;
    this.data = data == null ? "" : data;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The first 0x-prefixed hex string of at least a 4-byte selector in data or message, or "". */
  public String revertData() {
    String found = firstHex(data);
    return found.isEmpty() ? firstHex(String.valueOf(getMessage())) : found;
  }

  /** Whether the node says the nonce was already used or a transaction with it is known. */
  public boolean nonceConflict() {
    String m = String.valueOf(getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("nonce too low")
        || m.contains("already known")
        || m.contains("known transaction")
        || m.contains("replacement transaction underpriced")
        || m.contains("nonce_too_low")
        || m.contains("incorrect nonce");
  }

  private static String firstHex(String s) {
    int i = s.indexOf("0x");
    while (i >= 0) {
      int j = i + 2;
      while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
        j++;
      }
      if (j - i - 2 >= 8) {
        return s.substring(i, j).toLowerCase(Locale.ROOT);
      }
      i = s.indexOf("0x", j);
    }
    return "";
  }
}
