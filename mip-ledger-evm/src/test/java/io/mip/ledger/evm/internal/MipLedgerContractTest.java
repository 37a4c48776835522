package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class MipLedgerContractTest {
  private static final String WRITER = "0x70997970c51812dc3a010c7d01b50e2d17dc79c8";

  private static JsonNode abi() throws IOException {
    try (InputStream in =
        MipLedgerContract.class.getResourceAsStream("/io/mip/ledger/evm/MipLedger.abi.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Signatures like "append(bytes32,bytes[])" of every ABI entry of {@code kind}. */
  private static Set<String> signatures(String kind) throws IOException {
    Set<String> out = new HashSet<>();
    for (JsonNode e : abi()) {
      if (kind.equals(e.path("type").asText())) {
        List<String> types = new ArrayList<>();
        for (JsonNode in : e.path("inputs")) {
          types.add(in.path("type").asText());
        }
        out.add(e.path("name").asText() + "(" + String.join(",", types) + ")");
      }
    }
    return out;
  }

  private static Set<String> selectors(Set<String> signatures) {
    Set<String> out = new HashSet<>();
    for (String s : signatures) {
      out.add(Hash.sha3String(s).substring(0, 10));
    }
    return out;
  }

  @Test
  void callData_everyFunction_selectorIsInTheCheckedInAbi() throws IOException {
    Set<String> abiSelectors = selectors(signatures("function"));
    List<String> calls =
        List.of(
            MipLedgerContract.append("s", List.of(new byte[] {1})),
            MipLedgerContract.appendBatch(List.of("a", "b"), List.of(new byte[1], new byte[2])),
            MipLedgerContract.setWriter(WRITER, true),
            MipLedgerContract.transferAdmin(WRITER),
            MipLedgerContract.acceptAdmin(),
            MipLedgerContract.writers(WRITER),
            MipLedgerContract.admin(),
            MipLedgerContract.sequence());
    for (String call : calls) {
      assertThat(abiSelectors).contains(call.substring(0, 10));
    }
  }

  @Test
  void appendedTopic_matchesTheAbiEvent() throws IOException {
    assertThat(signatures("event")).contains("Appended(bytes32,uint256,bytes)");
    assertThat(MipLedgerContract.APPENDED_TOPIC)
        .isEqualTo(Hash.sha3String("Appended(bytes32,uint256,bytes)"));
  }

  @Test
  void errorName_everyAbiError_isNamed() throws IOException {
    Set<String> errors = signatures("error");
    assertThat(errors).hasSize(8);
    for (String e : errors) {
      String selector = Hash.sha3String(e).substring(0, 10);
      assertThat(MipLedgerContract.errorName(selector + "00"))
          .isEqualTo(e.substring(0, e.indexOf('(')));
    }
    assertThat(MipLedgerContract.errorName("0xdeadbeef")).isEmpty();
    assertThat(MipLedgerContract.errorName("")).isEmpty();
  }

  @Test
  void append_layout_isStandardAbiEncoding() {
    byte[] op = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] data = Numeric.hexStringToByteArray(MipLedgerContract.append("did:mip:x", List.of(op)));
    // selector, stream key, offset of the array (0x40), then array length 1
    assertThat(data).hasSize(4 + 32 * 6);
    byte[] key = new byte[32];
    System.arraycopy(data, 4, key, 0, 32);
    assertThat(key).isEqualTo(MipLedgerContract.streamKey("did:mip:x"));
    assertThat(data[4 + 32 + 31]).isEqualTo((byte) 0x40);
    assertThat(data[4 + 64 + 31]).isEqualTo((byte) 1);
  }

  @Test
  void decodeAppendedData_wellFormed_returnsTheBytes() {
    byte[] op = "{\"x\":true}".getBytes(StandardCharsets.UTF_8);
    String data = "0x" + word(32) + word(op.length) + pad(Numeric.toHexStringNoPrefix(op));
    assertThat(MipLedgerContract.decodeAppendedData(data)).isEqualTo(op);
  }

  @Test
  void decodeAppendedData_badOffsetOrLength_refused() {
    assertThatThrownBy(() -> MipLedgerContract.decodeAppendedData("0x" + word(64) + word(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MipLedgerContract.decodeAppendedData("0x" + word(32) + word(5)))
        .isInstanceOf(IllegalArgumentException.class);
    String huge = "0x" + word(32) + word(Operation.MAX_BYTES + 1L);
    assertThatThrownBy(() -> MipLedgerContract.decodeAppendedData(huge))
        .isInstanceOf(IllegalArgumentException.class);
    String overflow = "0x" + word(32) + "ff".repeat(32);
    assertThatThrownBy(() -> MipLedgerContract.decodeAppendedData(overflow))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MipLedgerContract.decodeAppendedData("0x" + word(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeViews_words_decoded() {
    assertThat(MipLedgerContract.decodeBool("0x" + word(1))).isTrue();
    assertThat(MipLedgerContract.decodeBool("0x" + word(0))).isFalse();
    assertThat(MipLedgerContract.decodeUint("0x" + word(42))).isEqualTo(42);
    assertThat(MipLedgerContract.decodeAddress("0x" + "0".repeat(24) + WRITER.substring(2)))
        .isEqualTo(WRITER);
    assertThatThrownBy(() -> MipLedgerContract.decodeBool("0x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void creationCode_isTheCheckedInBytecode() {
    String code = MipLedgerContract.creationCode();
    assertThat(code).startsWith("0x6080").matches("0x[0-9a-f]+");
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  private static String pad(String hex) {
    int len = ((hex.length() + 63) / 64) * 64;
    return hex + "0".repeat(len - hex.length());
  }
}
