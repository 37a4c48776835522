package io.mip.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Hashes;
import io.mip.crypto.Jcs;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import io.mip.ledger.TestStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerTest {
  @TempDir Path dir;

  @Test
  void open_firstStart_createsKeyFilesAndGenesis() throws Exception {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      for (String f : List.of("node.key", "governance.key")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
            .isEqualTo("rw-------");
      }
      assertThat(ledger.governanceKey())
          .isEqualTo(KeyFiles.readKeyFile(dir.resolve("governance.key")).publicKey());
      assertThat(ledger.nodeKey())
          .isEqualTo(KeyFiles.readKeyFile(dir.resolve("node.key")).publicKey());
      assertThat(ledger.height()).isZero();
      assertThat(ledger.size()).isZero();
      Block genesis = ledger.block(0).orElseThrow();
      assertThat(genesis.previousHash()).isEqualTo("A".repeat(43));
      assertThat(genesis.operations()).isEmpty();
      assertThat(genesis.signer()).isEqualTo(ledger.nodeKey().toMultibase());
    }
  }

  @Test
  void open_presetGovernanceKey_recordedInGenesis() throws Exception {
    Files.createDirectories(dir);
    Ed25519PrivateKey gov = Ed25519PrivateKey.generate();
    KeyFiles.writeKeyFile(dir.resolve("governance.key"), gov);
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      assertThat(ledger.governanceKey()).isEqualTo(gov.publicKey());
    }
  }

  @Test
  void block_header_hashSignatureAndRootRecomputableFromBlockAndOperations() {
    Instant t = Instant.parse("2026-03-01T12:00:00.123Z");
    try (EmbeddedLedger ledger =
        EmbeddedLedger.open(dir, List.of(), Clock.fixed(t, ZoneOffset.UTC))) {
      TestStream s = TestStream.create();
      List<Admission> r = ledger.submitAll(List.of(s.next(), s.next()));
      Block b = ledger.block(r.get(1).receipt().blockHeight()).orElseThrow();
      assertThat(b.time()).isEqualTo(t);
      ObjectNode header = JsonNodeFactory.instance.objectNode();
      header.put("height", b.height());
      header.put("prev", b.previousHash());
      header.put("time", "2026-03-01T12:00:00.123Z");
      header.put("root", b.merkleRoot());
      header.put("count", b.operations().size());
      header.put("node", b.signer());
      byte[] hash = Hashes.sha256(Jcs.canonicalize(header));
      assertThat(Base64Url.encode(hash)).isEqualTo(b.hash());
      assertThat(
              Ed25519PublicKey.fromMultibase(b.signer())
                  .verifier()
                  .verify(hash, Base64Url.decode(b.signature())))
          .isTrue();
      List<byte[]> leaves = new ArrayList<>();
      for (OperationId id : b.operations()) {
        leaves.add(ledger.find(id).orElseThrow().operation().canonicalBytes());
      }
      assertThat(Base64Url.encode(MerkleTree.root(leaves))).isEqualTo(b.merkleRoot());
      assertThat(ledger.block(b.height() - 1).orElseThrow().hash()).isEqualTo(b.previousHash());
    }
  }

  @Test
  void submit_clockGoesBack_blockTimesNeverDecrease() {
    Instant[] now = {Instant.parse("2026-03-01T12:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of(), clock)) {
      Instant first = ledger.submit(TestStream.create().next()).receipt().time();
      now[0] = now[0].minusSeconds(3600);
      Instant second = ledger.submit(TestStream.create().next()).receipt().time();
      assertThat(second).isEqualTo(first);
    }
    assertThat(LedgerVerifier.verify(dir).ok()).isTrue();
  }

  @Test
  void submit_nothingAdmitted_writesNoBlock() {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      Operation bad = TestStream.signedByStranger(TestStream.create().next());
      assertThat(ledger.submit(bad).admitted()).isFalse();
      assertThat(ledger.height()).isZero();
      assertThat(ledger.block(1)).isEmpty();
    }
  }

  @Test
  void submit_policyThrows_thatSubmissionFailsAndLedgerCarriesOn() {
    OperationPolicy broken =
        new OperationPolicy() {
          @Override
          public boolean appliesTo(String type) {
            return type.equals("test.broken");
          }

          @Override
          public Optional<Rejection> check(Operation op, StreamView stream) {
            throw new IllegalStateException("policy bug");
          }
        };
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of(broken))) {
      Operation bad = TestStream.create().next("test.broken");
      Operation good = TestStream.create().next();
      assertThatThrownBy(() -> ledger.submit(bad)).isInstanceOf(LedgerException.class);
      List<Admission> both =
          ledger.submitAll(List.of(good, TestStream.create().next("test.other")));
      assertThat(both).allMatch(Admission::admitted);
      assertThat(ledger.find(bad.id())).isEmpty();
      assertThat(ledger.size()).isEqualTo(2);
    }
  }

  @Test
  void submit_storageWriteFails_batchFailsNothingChangesAndLedgerRecovers() throws Exception {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      TestStream s = TestStream.create();
      ledger.submit(s.next());
      Operation second = s.next();
      Tamper.sql(
          dir,
          "INSERT INTO operations(seq, id, stream, block_height, canonical)"
              + " VALUES (2, 'squatter', 'x', 99, x'00')");
      assertThatThrownBy(() -> ledger.submit(second))
          .isInstanceOf(LedgerException.class)
          .hasMessageContaining("write failed");
      assertThat(ledger.size()).isEqualTo(1);
      assertThat(ledger.height()).isEqualTo(1);
      Tamper.sql(dir, "DELETE FROM operations WHERE seq = 2");
      Admission retried = ledger.submit(second);
      assertThat(retried.status()).isEqualTo(Admission.Status.ACCEPTED);
      assertThat(retried.receipt().sequence()).isEqualTo(2);
      assertThat(retried.receipt().blockHeight()).isEqualTo(2);
    }
    assertThat(LedgerVerifier.verify(dir).ok()).isTrue();
  }

  @Test
  void submit_whileOpen_walCopiedIntoDatabaseInBackground() throws Exception {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      Path db = dir.resolve("ledger.db");
      long before = Files.size(db);
      List<Operation> ops = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ops.add(TestStream.create().next());
      }
      ledger.submitAll(ops);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Files.size(db) <= before && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.size(db)).isGreaterThan(before);
    }
  }

  @Test
  void open_directoryAlreadyOpen_refused() {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      assertThatThrownBy(() -> EmbeddedLedger.open(dir, List.of()))
          .isInstanceOf(LedgerException.class)
          .hasMessageContaining("already open");
      assertThat(ledger.height()).isZero();
    }
  }

  @Test
  void submit_afterClose_throwsLedgerException() {
    EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of());
    ledger.close();
    ledger.close();
    Operation op = TestStream.create().next();
    assertThatThrownBy(() -> ledger.submit(op)).isInstanceOf(LedgerException.class);
    assertThatThrownBy(() -> ledger.find(op.id())).isInstanceOf(LedgerException.class);
  }

  @Test
  void open_nodeKeyReplacedOrMissing_refused() throws Exception {
    EmbeddedLedger.open(dir, List.of()).close();
    Path key = dir.resolve("node.key");
    Files.delete(key);
    assertThatThrownBy(() -> EmbeddedLedger.open(dir, List.of()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("missing");
    KeyFiles.writeKeyFile(key, Ed25519PrivateKey.generate());
    assertThatThrownBy(() -> EmbeddedLedger.open(dir, List.of()))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("genesis");
  }

  @Test
  void verify_cleanLedger_okWithCounts() {
    try (EmbeddedLedger ledger = EmbeddedLedger.open(dir, List.of())) {
      TestStream s = TestStream.create();
      ledger.submitAll(List.of(s.next(), s.next(), TestStream.create().next()));
      ledger.submit(s.next());
      VerificationReport live = LedgerVerifier.verify(dir);
      assertThat(live.ok()).isTrue();
      assertThat(live.operations()).isEqualTo(4);
      assertThat(live.blocks()).isEqualTo(ledger.height() + 1);
    }
    VerificationReport closed = LedgerVerifier.verify(dir);
    assertThat(closed.ok()).as(closed.toText()).isTrue();
    assertThat(closed.toText()).contains("OK");
  }

  @Test
  void verify_noLedger_throws() {
    assertThatThrownBy(() -> LedgerVerifier.verify(dir.resolve("absent")))
        .isInstanceOf(LedgerException.class);
  }
}
