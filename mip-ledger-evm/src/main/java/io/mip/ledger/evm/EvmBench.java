package io.mip.ledger.evm;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.bench.BenchResult;
import io.mip.ledger.bench.LedgerBench;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Throughput of the EVM backend: deploys a fresh MipLedger contract (so the run starts from an
 * empty ledger and leaves other deployments alone), allows the key file's account to write, and
 * runs {@link LedgerBench} through an {@link EvmLedger}. Each operation is mined and replayed
 * before its {@code submit} returns, so the figure includes the chain's block production.
 */
public final class EvmBench {
  private EvmBench() {}

  /**
   * Runs the benchmark against the node at {@code rpc}.
   *
   * @param keyFile an account that may deploy (any funded account, or any account on a zero-gas
   *     chain); it becomes the new contract's admin and writer
   * @param pollInterval the reader's poll interval (10 ms suits a local node; 100-500 ms a network)
   */
  public static BenchResult run(
      URI rpc, Path keyFile, int operations, int threads, Duration pollInterval) {
    String contract = EvmAdmin.deploy(rpc, keyFile);
    EvmAdmin.setWriter(rpc, keyFile, contract, EvmAdmin.address(keyFile), true);
    EvmConfig config =
        EvmConfig.of(rpc, contract, keyFile, Ed25519PrivateKey.generate().publicKey())
            .withPollInterval(pollInterval);
    try (EvmLedger ledger = EvmLedger.open(config, List.of())) {
      return LedgerBench.run(ledger, operations, threads);
    }
  }
}
