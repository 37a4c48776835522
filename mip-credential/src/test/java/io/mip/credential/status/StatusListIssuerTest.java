package io.mip.credential.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.credential.testing.Testbed;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusListIssuerTest {
  @TempDir Path dir;
  Testbed bed;
  Testbed.Party issuer;
  StatusListId id;
  StatusListIssuer lists;
  StatusListReader reader;

  @BeforeEach
  void open() {
    bed = Testbed.open(dir.resolve("ledger"));
    issuer = bed.createDid();
    id = new StatusListId(issuer.did(), "kyc-1");
    lists = new StatusListIssuer(bed.ledger(), id, issuer.key(), 1024, 2, dir.resolve("alloc"));
    reader = new StatusListReader(bed.ledger(), IssuerKeyCheck.using(bed.resolver()));
  }

  @AfterEach
  void close() {
    bed.close();
  }

  @Test
  void revokeSuspendUnsuspend_areVisibleToReaders() {
    lists.ensureCreated();
    int a = lists.allocate();
    int b = lists.allocate();

    assertThat(lists.revoke(a).admitted()).isTrue();
    assertThat(lists.suspend(b).admitted()).isTrue();
    assertThat(reader.read(id).orElseThrow().status(a)).isEqualTo(TokenStatus.INVALID);
    assertThat(reader.read(id).orElseThrow().status(b)).isEqualTo(TokenStatus.SUSPENDED);

    lists.unsuspend(b);
    assertThat(reader.read(id).orElseThrow().status(b)).isEqualTo(TokenStatus.VALID);
    assertThat(reader.operations(id)).hasSize(4);
  }

  @Test
  void allocate_manyTimes_neverRepeatsEvenAfterRestart() {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      assertThat(seen.add(lists.allocate())).isTrue();
    }
    StatusListIssuer again =
        new StatusListIssuer(bed.ledger(), id, issuer.key(), 1024, 2, dir.resolve("alloc"));
    for (int i = 0; i < 300; i++) {
      assertThat(seen.add(again.allocate())).isTrue();
    }
  }

  @Test
  void submit_setSignedByAnotherKey_isRefusedNotIssuerKey() {
    lists.ensureCreated();
    Admission a =
        bed.ledger()
            .submit(
                StatusListOperations.set(
                    id,
                    bed.ledger().head(id.stream()).orElseThrow().operation().id(),
                    Map.of(1, TokenStatus.INVALID),
                    Ed25519PrivateKey.generate()));

    assertThat(a.rejection().code()).isEqualTo("not-issuer-key");
  }

  @Test
  void submit_secondCreate_isRefused() {
    lists.ensureCreated();
    Admission a = bed.ledger().submit(StatusListOperations.create(id, 2048, 2, issuer.key()));

    assertThat(a.admitted()).isFalse();
  }
}
