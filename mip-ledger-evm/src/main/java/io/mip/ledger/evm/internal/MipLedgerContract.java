package io.mip.ledger.evm.internal;

import io.mip.ledger.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The Java side of {@code src/main/solidity/MipLedger.sol}: call data for its functions, the {@code
 * Appended} event's topic and data layout, its custom errors, and its creation bytecode (checked in
 * under resources by {@code scripts/compile-contract.sh}). Hand-written with web3j's {@link
 * FunctionEncoder}; {@code MipLedgerContractTest} checks every selector against the checked-in ABI
 * so the two cannot drift apart.
 */
public final class MipLedgerContract {
  /** keccak256("Appended(bytes32,uint256,bytes)"). */
  public static final String APPENDED_TOPIC = Hash.sha3String("Appended(bytes32,uint256,bytes)");

  /** Most operations one call may carry (the contract's MAX_OPS_PER_CALL). */
  public static final int MAX_OPS_PER_CALL = 512;

  private static final Map<String, String> ERRORS = errors();

  private MipLedgerContract() {}

  private static Map<String, String> errors() {
    List<String> names =
        List.of(
            "NotAdmin()",
            "NotPendingAdmin()",
            "NotWriter()",
            "ZeroAddress()",
            "EmptyBatch()",
            "TooManyOperations()",
            "LengthMismatch()",
            "OperationTooLarge(uint256)");
    HashMap<String, String> m = new HashMap<>();
    for (String n : names) {
      m.put(Hash.sha3String(n).substring(0, 10), n.substring(0, n.indexOf('(')));
    }
    return Map.copyOf(m);
  }

  /** Returns the 32-byte stream topic: keccak256 of the stream id's UTF-8 bytes. */
  public static byte[] streamKey(String streamId) {
    return Hash.sha3(streamId.getBytes(StandardCharsets.UTF_8));
  }

  /** Call data for {@code append(bytes32 stream, bytes[] ops)}. */
  public static String append(String streamId, List<byte[]> ops) {
    return encode("append", new Bytes32(streamKey(streamId)), bytesArray(ops));
  }

  /** Call data for {@code appendBatch(bytes32[] streams, bytes[] ops)}. */
  public static String appendBatch(List<String> streamIds, List<byte[]> ops) {
    List<Bytes32> keys = new ArrayList<>();
    for (String s : streamIds) {
      keys.add(new Bytes32(streamKey(s)));
    }
    return encode("appendBatch", new DynamicArray<>(Bytes32.class, keys), bytesArray(ops));
  }

  /** Call data for {@code setWriter(address, bool)}. */
  public static String setWriter(String writer, boolean allowed) {
    return encode("setWriter", new Address(writer), new Bool(allowed));
  }

  /** Call data for {@code transferAdmin(address)}. */
  public static String transferAdmin(String newAdmin) {
    return encode("transferAdmin", new Address(newAdmin));
  }

  /** Call data for {@code acceptAdmin()}. */
  public static String acceptAdmin() {
    return encode("acceptAdmin");
  }

  /** Call data for the view {@code writers(address)}. */
  public static String writers(String account) {
    return encode("writers", new Address(account));
  }

  /** Call data for the view {@code admin()}. */
  public static String admin() {
    return encode("admin");
  }

  /** Call data for the view {@code sequence()}. */
  public static String sequence() {
    return encode("sequence");
  }

  /** Decodes an ABI {@code bool} return value. */
  public static boolean decodeBool(String hex) {
    return Numeric.toBigInt(requireWord(hex)).signum() != 0;
  }

  /** Decodes an ABI {@code address} return value as 0x-prefixed lower-case hex. */
  public static String decodeAddress(String hex) {
    return "0x" + Numeric.cleanHexPrefix(requireWord(hex)).substring(24);
  }

  /** Decodes an ABI {@code uint256} return value. */
  public static long decodeUint(String hex) {
    return Numeric.toBigInt(requireWord(hex)).longValueExact();
  }

  private static String requireWord(String hex) {
    if (hex == null || Numeric.cleanHexPrefix(hex).length() != 64) {
      throw new IllegalArgumentException("expected one 32-byte ABI word");
    }
    return hex;
  }

  /** Names the contract's custom error in revert data ("NotWriter"), or "" when unknown. */
  public static String errorName(String revertData) {
    if (revertData == null || revertData.length() < 10) {
      return "";
    }
    return ERRORS.getOrDefault(revertData.substring(0, 10).toLowerCase(Locale.ROOT), "");
  }

  /**
   * Decodes the data of an {@code Appended} log: the ABI encoding of one {@code bytes} value.
   *
   * @throws IllegalArgumentException when the layout is wrong or the operation is too large
   */
  public static byte[] decodeAppendedData(String dataHex) {
    byte[] data = Numeric.hexStringToByteArray(dataHex);
    if (data.length < 64) {
      throw new IllegalArgumentException("Appended data shorter than two words");
    }
    long offset = word(data, 0);
    if (offset != 32) {
      throw new IllegalArgumentException("Appended data has an unexpected offset");
    }
    long length = word(data, 32);
    if (length > Operation.MAX_BYTES || 64 + length > data.length) {
      throw new IllegalArgumentException("Appended operation length out of range");
    }
    byte[] op = new byte[(int) length];
    System.arraycopy(data, 64, op, 0, op.length);
    return op;
  }

  private static long word(byte[] data, int at) {
    for (int i = at; i < at + 24; i++) {
      if (data[i] != 0) {
        return Long.MAX_VALUE;
      }
    }
    long v = 0;
    for (int i = at + 24; i < at + 32; i++) {
      v = (v << 8) | (data[i] & 0xff);
    }
    return v < 0 ? Long.MAX_VALUE : v;
  }

  /** Returns the creation bytecode (0x-prefixed hex) from the checked-in build output. */
  public static String creationCode() {
    try (InputStream in =
        MipLedgerContract.class.getResourceAsStream("/io/mip/ledger/evm/MipLedger.bin")) {
      if (in == null) {
        throw new IllegalStateException("MipLedger.bin is missing from the classpath");
      }
      return "0x" + new String(in.readNBytes(1 << 20), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DynamicArray<DynamicBytes> bytesArray(List<byte[]> ops) {
    List<DynamicBytes> items = new ArrayList<>(ops.size());
    for (byte[] op : ops) {
      items.add(new DynamicBytes(op));
    }
    return new DynamicArray<>(DynamicBytes.class, items);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static String encode(String name, Type<?>... args) {
    List<Type> inputs = (List) List.of(args);
    return FunctionEncoder.encode(new Function(name, inputs, List.of()));
  }
}
