package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class RpcExceptionTest {
  private static final String NOT_WRITER = Hash.sha3String("NotWriter()").substring(0, 10);

  @Test
  void revertData_shapesOfDifferentNodes_found() {
    // anvil / geth: data is the hex string
    assertThat(new RpcException("m", 3, "execution reverted", NOT_WRITER).revertData())
        .isEqualTo(NOT_WRITER);
    assertThat(MipLedgerContract.errorName(NOT_WRITER)).isEqualTo("NotWriter");
    // data as a JSON object string
    String json =
        "{\"message\":\"reverted\",\"data\":\"0x" + NOT_WRITER.substring(2).toUpperCase() + "\"}";
    assertThat(new RpcException("m", -32000, "x", json).revertData()).isEqualTo(NOT_WRITER);
    // Besu-style: hex inside the message, no data
    assertThat(
            new RpcException("m", -32000, "Execution reverted: " + NOT_WRITER, null).revertData())
        .isEqualTo(NOT_WRITER);
    // nothing hex-like of selector length
    assertThat(new RpcException("m", -32000, "reverted 0x12", "").revertData()).isEmpty();
  }

  @Test
  void nonceConflict_knownMessages_recognised() {
    assertThat(new RpcException("m", -32003, "nonce too low", null).nonceConflict()).isTrue();
    assertThat(new RpcException("m", -32000, "already known", null).nonceConflict()).isTrue();
    assertThat(new RpcException("m", -32000, "Nonce too low", null).nonceConflict()).isTrue();
    assertThat(new RpcException("m", -32000, "intrinsic gas too low", null).nonceConflict())
        .isFalse();
  }
}
