package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

class EthAccountTest {
  // anvil's (public, well-known) first dev account
  private static final String KEY =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

  @TempDir Path tmp;

  private Path file(String content) throws IOException {
    Path f = tmp.resolve("k" + content.hashCode());
    Files.writeString(f, content);
    return f;
  }

  @Test
  void fromKeyFile_hexWithOrWithoutPrefix_derivesTheAddress() throws IOException {
    assertThat(EthAccount.fromKeyFile(file(KEY)).address()).isEqualTo(ADDRESS);
    assertThat(EthAccount.fromKeyFile(file("  0x" + KEY + "\n")).address()).isEqualTo(ADDRESS);
  }

  @Test
  void fromKeyFile_notAKey_refusedWithoutQuotingTheContent() throws IOException {
    for (String bad :
        new String[] {
          "", KEY.substring(2), KEY + "00", "zz" + KEY.substring(2), "0".repeat(64), "f".repeat(64)
        }) {
      Path f = file(bad);
      assertThatThrownBy(() -> EthAccount.fromKeyFile(f))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.substring(4, 20)));
    }
    Path big = file("0x" + KEY + " ".repeat(300));
    assertThatThrownBy(() -> EthAccount.fromKeyFile(big)).hasMessageContaining("too large");
    assertThatThrownBy(() -> EthAccount.fromKeyFile(tmp.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sign_call_isAZeroPriceEip155TransactionFromTheAccount()
      throws IOException, java.security.SignatureException {
    EthAccount a = EthAccount.fromKeyFile(file(KEY));
    EthAccount.SignedTx tx =
        a.sign(31337, 7, 100_000, "0x5fbdb2315678afecb367f032d93f642f64180aa3", "0x1234");
    assertThat(tx.hash()).isEqualTo(Hash.sha3(tx.rawHex()));
    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(tx.rawHex());
    assertThat(decoded.getFrom()).isEqualTo(ADDRESS);
    assertThat(decoded.getChainId()).isEqualTo(31337L);
    assertThat(decoded.getNonce().longValue()).isEqualTo(7);
    assertThat(decoded.getGasPrice().signum()).isZero();
    assertThat(decoded.getValue().signum()).isZero();
    assertThat(decoded.getData()).isEqualTo("1234");
  }

  @Test
  void toString_showsAddressOnly() throws IOException {
    assertThat(EthAccount.fromKeyFile(file(KEY)).toString()).contains(ADDRESS).doesNotContain(KEY);
  }
}
