package io.mip.node.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.sdjwt.SdJwtIssuer;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.HttpNodeSources;
import io.mip.sdk.credential.VerificationResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK verifier talking to a real node over HTTP. */
class HttpVerifierTest {
  @TempDir Path dir;

  @Test
  void verify_overHttp_passesThenFailsRevoked() throws Exception {
    try (MipNode node = MipNode.open(NodeConfig.embedded(dir)).start(0)) {
      Testbed bed = Testbed.attach(node.ledger(), dir.resolve("ledger"));
      Testbed.Party issuerParty = bed.createDid();
      bed.accredit(issuerParty.did(), Set.of(KycCredential.VCT));
      Ed25519PrivateKey issuerKey = issuerParty.key();
      String issuer = issuerParty.did();
      StatusListIssuer lists =
          new StatusListIssuer(
              bed.ledger(),
              new StatusListId(issuer, "kyc-1"),
              issuerKey,
              1024,
              2,
              dir.resolve("alloc"));
      lists.ensureCreated();
      int idx = lists.allocate();
      Ed25519PrivateKey holder = Ed25519PrivateKey.generate();
      ObjectNode visible = JsonNodeFactory.instance.objectNode();
      visible.put("iss", issuer);
      visible.put("iat", Instant.now().getEpochSecond());
      visible.put("exp", Instant.now().getEpochSecond() + 600);
      visible.put("vct", KycCredential.VCT);
      visible.set("cnf", HolderKeys.cnf(holder.publicKey()));
      visible
          .putObject("status")
          .putObject("status_list")
          .put("idx", idx)
          .put("uri", new StatusListId(issuer, "kyc-1").uri(node.localUri().toString()));
      SdJwt cred =
          new SdJwtIssuer(issuerKey.signer(), issuer + "#key-1", SdJwtIssuer.SD_JWT_VC_TYPE)
              .issue(visible, Map.<String, JsonNode>of("age_over_18", BooleanNode.TRUE), 1);
      String p =
          SdJwt.present(cred, Set.of("age_over_18"), holder.signer(), "n", "a", Instant.now())
              .serialize();
      CredentialVerifier verifier =
          new HttpNodeSources(node.localUri())
              .verifier(CredentialVerifier.Settings.defaults().withCacheTtl(Duration.ZERO));

      VerificationResult ok = verifier.verify(p, "n", "a");
      assertThat(ok.detail()).isEqualTo("ok");
      assertThat(ok.claims().get("age_over_18").asBoolean()).isTrue();

      lists.revoke(idx);
      assertThat(verifier.verify(p, "n", "a").failure())
          .contains(VerificationResult.Reason.REVOKED);
    }
  }
}
