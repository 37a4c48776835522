package io.mip.node.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderKeysTest {
  @TempDir Path dir;

  @Test
  void loadOrCreate_twice_sameKeysAndSubjects() {
    ProviderKeys a = ProviderKeys.loadOrCreate(dir);
    ProviderKeys b = ProviderKeys.loadOrCreate(dir);

    assertThat(b.publicJwks().toString()).isEqualTo(a.publicJwks().toString());
    assertThat(b.pairwiseSubject("did:mip:app", "did:mip:p"))
        .isEqualTo(a.pairwiseSubject("did:mip:app", "did:mip:p"));
  }

  @Test
  void pairwiseSubject_otherSectorOrOtherNode_unlinkable() {
    ProviderKeys keys = ProviderKeys.loadOrCreate(dir.resolve("one"));
    ProviderKeys other = ProviderKeys.loadOrCreate(dir.resolve("two"));

    assertThat(keys.pairwiseSubject("did:mip:a1", "did:mip:p"))
        .isNotEqualTo(keys.pairwiseSubject("did:mip:a2", "did:mip:p"))
        .isNotEqualTo(other.pairwiseSubject("did:mip:a1", "did:mip:p"))
        .hasSize(43);
  }

  @Test
  void sign_es256_verifiesWithThePublishedKey() throws Exception {
    ProviderKeys keys = ProviderKeys.loadOrCreate(dir);

    SignedJWT jwt =
        SignedJWT.parse(
            keys.sign(JWSAlgorithm.ES256, new JWTClaimsSet.Builder().subject("s").build()));
    ECKey pub = (ECKey) keys.publicJwks().getKeyByKeyId(jwt.getHeader().getKeyID());

    assertThat(jwt.verify(new ECDSAVerifier(pub))).isTrue();
    assertThatThrownBy(() -> keys.sign(JWSAlgorithm.HS256, new JWTClaimsSet.Builder().build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadOrCreate_secretReadableByOthers_refusedWithoutQuotingIt() throws Exception {
    ProviderKeys.loadOrCreate(dir);
    Path secret = dir.resolve(ProviderKeys.PAIRWISE_FILE);
    assertThat(Files.getPosixFilePermissions(secret))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> ProviderKeys.loadOrCreate(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("chmod 600")
        .hasMessageNotContaining(Files.readString(secret).trim());
  }
}
