package io.mip.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.profile.anchor.AnchorOperations;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.ConsentOperations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's admission policies on a real embedded ledger. */
class PoliciesTest {
  @TempDir Path dir;
  EmbeddedLedger ledger;
  final Ed25519PrivateKey key = Ed25519PrivateKey.generate();

  @BeforeEach
  void open() {
    ledger = EmbeddedLedger.open(dir, ProfilePolicies.all());
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  static String code(Admission a) {
    return a.rejection().code();
  }

  @Test
  void appRegister_thenAgain_secondRefused() {
    AppRegistration app = new AppRegistration("did:mip:app1", "App", List.of());
    assertThat(ledger.submit(AppOperations.register(app, key)).admitted()).isTrue();
    Operation again =
        AppOperations.register(new AppRegistration("did:mip:app1", "B", List.of()), key);
    assertThat(code(ledger.submit(again))).isIn("app-already-registered", "broken-chain");
  }

  @Test
  void appUpdate_beforeRegister_refused() {
    AppRegistration app = new AppRegistration("did:mip:app2", "App", List.of());
    Operation op =
        Operation.sign(AppOperations.UPDATE, "app:did:mip:app2", null, app.toJson(), key);
    assertThat(code(ledger.submit(op))).isEqualTo("app-not-registered");
  }

  @Test
  void appRegister_streamNotMatchingDid_refused() {
    AppRegistration app = new AppRegistration("did:mip:app3", "App", List.of());
    Operation op =
        Operation.sign(AppOperations.REGISTER, "app:did:mip:other", null, app.toJson(), key);
    assertThat(code(ledger.submit(op))).isEqualTo("invalid-app");
  }

  @Test
  void consent_grantRevokeRevoke_secondRevokeRefused() {
    ConsentGrant g =
        ConsentGrant.create(
            "did:mip:p",
            "did:mip:a",
            List.of(new CategoryPattern("*")),
            Instant.now(),
            Instant.now().plusSeconds(60),
            false);
    Operation grant =
        ConsentOperations.grant(g, ConsentGrant.Disclosure.OPEN, Optional.empty(), key);
    assertThat(ledger.submit(grant).admitted()).isTrue();
    Operation revoke = ConsentOperations.revoke("did:mip:p", g.id(), Optional.of(grant.id()), key);
    assertThat(ledger.submit(revoke).admitted()).isTrue();
    Operation again = ConsentOperations.revoke("did:mip:p", g.id(), Optional.of(revoke.id()), key);
    assertThat(code(ledger.submit(again))).isEqualTo("grant-already-revoked");
  }

  @Test
  void consent_revokeUnknownGrant_refused() {
    Operation op = ConsentOperations.revoke("did:mip:p", "A".repeat(43), Optional.empty(), key);
    assertThat(code(ledger.submit(op))).isEqualTo("unknown-grant");
  }

  @Test
  void consent_openTermsNotMatchingId_refused() {
    ConsentGrant g =
        ConsentGrant.create(
            "did:mip:p",
            "did:mip:a",
            List.of(new CategoryPattern("*")),
            Instant.now(),
            Instant.now().plusSeconds(60),
            false);
    var payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    payload.put("grant", "B".repeat(43));
    payload.set("terms", g.toJson());
    Operation op = Operation.sign(ConsentOperations.GRANT, "consent:did:mip:p", null, payload, key);
    assertThat(code(ledger.submit(op))).isEqualTo("invalid-consent");
  }

  @Test
  void anchor_batchesInOrder_admittedAndGapRefused() {
    String root = "C".repeat(43);
    Operation first = AnchorOperations.batch(1, root, 3, Optional.empty(), key);
    assertThat(ledger.submit(first).admitted()).isTrue();
    Operation skip = AnchorOperations.batch(3, root, 3, Optional.of(first.id()), key);
    assertThat(code(ledger.submit(skip))).isEqualTo("invalid-anchor");
    Operation second = AnchorOperations.batch(2, root, 3, Optional.of(first.id()), key);
    assertThat(ledger.submit(second).admitted()).isTrue();
  }

  @Test
  void anchor_intoAnotherNodesStream_refused() {
    var payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    payload.put("batch", 1).put("root", "C".repeat(43)).put("size", 1);
    Operation op =
        Operation.sign(
            AnchorOperations.BATCH,
            AnchorOperations.streamOf(Ed25519PrivateKey.generate().publicKey()),
            null,
            payload,
            key);
    assertThat(code(ledger.submit(op))).isEqualTo("invalid-anchor");
  }
}
