package io.mip.ledger.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvmConfigTest {
  private static final URI RPC = URI.create("http://127.0.0.1:8545");
  private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final Ed25519PublicKey GOV = Ed25519PrivateKey.generate().publicKey();

  @Test
  void of_defaults_suitQbft() {
    EvmConfig c = EvmConfig.of(RPC, CONTRACT, Path.of("k"), GOV);
    assertThat(c.confirmations()).isZero();
    assertThat(c.chainId()).isZero();
    assertThat(c.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.withPollInterval(Duration.ofMillis(10)).pollInterval())
        .isEqualTo(Duration.ofMillis(10));
    assertThat(c.withKeyFile(null).keyFile()).isNull();
    EvmConfig d = c.withFromBlock(12).withChainId(1337).withConfirmations(3);
    assertThat(d.fromBlock()).isEqualTo(12);
    assertThat(d.chainId()).isEqualTo(1337);
    assertThat(d.confirmations()).isEqualTo(3);
    assertThat(d.rpc()).isEqualTo(c.rpc());
  }

  @Test
  void constructor_badValues_refused() {
    assertThatThrownBy(() -> EvmConfig.of(URI.create("ws://x:1"), CONTRACT, null, GOV))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EvmConfig.of(RPC, "0x1234", null, GOV))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EvmConfig.of(RPC, CONTRACT, null, null))
        .isInstanceOf(NullPointerException.class);
    EvmConfig c = EvmConfig.of(RPC, CONTRACT, null, GOV);
    assertThatThrownBy(() -> c.withPollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withSubmitTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new EvmConfig(
                    RPC,
                    CONTRACT,
                    null,
                    GOV,
                    -1,
                    Duration.ofSeconds(1),
                    0,
                    0,
                    Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
