package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerException;
import io.mip.ledger.TestStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consortium administration of the contract on a local anvil node. */
@Tag("slow")
class EvmAdminTest {
  @TempDir static Path tmp;
  private static AnvilNode anvil;

  @BeforeAll
  static void startAnvil() {
    anvil = AnvilNode.start(tmp.resolve("anvil"));
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  @Test
  void setWriter_byNonAdmin_refusedWithTheContractError() {
    String c = EvmAdmin.deploy(anvil.rpc(), anvil.keyFile(0));
    String writer = EvmAdmin.address(anvil.keyFile(2));
    assertThatThrownBy(() -> EvmAdmin.setWriter(anvil.rpc(), anvil.keyFile(1), c, writer, true))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("NotAdmin");
    assertThat(EvmAdmin.isWriter(anvil.rpc(), c, writer)).isFalse();
    EvmAdmin.setWriter(anvil.rpc(), anvil.keyFile(0), c, writer, true);
    assertThat(EvmAdmin.isWriter(anvil.rpc(), c, writer)).isTrue();
    EvmAdmin.setWriter(anvil.rpc(), anvil.keyFile(0), c, writer, false);
    assertThat(EvmAdmin.isWriter(anvil.rpc(), c, writer)).isFalse();
  }

  @Test
  void transferAdmin_twoSteps_onlyTheNamedAccountTakesOver() {
    Path oldAdmin = anvil.keyFile(0);
    Path newAdmin = anvil.keyFile(3);
    String c = EvmAdmin.deploy(anvil.rpc(), oldAdmin);
    assertThat(EvmAdmin.admin(anvil.rpc(), c)).isEqualTo(EvmAdmin.address(oldAdmin));
    EvmAdmin.transferAdmin(anvil.rpc(), oldAdmin, c, EvmAdmin.address(newAdmin));
    assertThat(EvmAdmin.admin(anvil.rpc(), c)).isEqualTo(EvmAdmin.address(oldAdmin));
    assertThatThrownBy(() -> EvmAdmin.acceptAdmin(anvil.rpc(), anvil.keyFile(2), c))
        .hasMessageContaining("NotPendingAdmin");
    EvmAdmin.acceptAdmin(anvil.rpc(), newAdmin, c);
    assertThat(EvmAdmin.admin(anvil.rpc(), c)).isEqualTo(EvmAdmin.address(newAdmin));
    String w = EvmAdmin.address(anvil.keyFile(1));
    assertThatThrownBy(() -> EvmAdmin.setWriter(anvil.rpc(), oldAdmin, c, w, true))
        .hasMessageContaining("NotAdmin");
    EvmAdmin.setWriter(anvil.rpc(), newAdmin, c, w, true);
    assertThat(EvmAdmin.isWriter(anvil.rpc(), c, w)).isTrue();
  }

  @Test
  void createKeyFile_freshAccountWithNoEther_writesUnderZeroGasPrice() throws IOException {
    Path key = tmp.resolve("org-writer.key");
    String address = EvmAdmin.createKeyFile(key);
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(EvmAdmin.address(key)).isEqualTo(address);
    assertThatThrownBy(() -> EvmAdmin.createKeyFile(key)).isNotNull();
    String c = EvmAdmin.deploy(anvil.rpc(), anvil.keyFile(0));
    EvmAdmin.setWriter(anvil.rpc(), anvil.keyFile(0), c, address, true);
    EvmConfig config =
        EvmConfig.of(anvil.rpc(), c, key, Ed25519PrivateKey.generate().publicKey())
            .withPollInterval(Duration.ofMillis(10));
    try (EvmLedger ledger = EvmLedger.open(config, List.of())) {
      assertThat(ledger.writerAddress()).contains(address);
      assertThat(ledger.submit(TestStream.create().next()).status())
          .isEqualTo(Admission.Status.ACCEPTED);
    }
  }
}
