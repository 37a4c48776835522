package io.mip.credential.testing;

import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.FaceCheck;
import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.kyc.HolderProof;
import io.mip.credential.kyc.KycCredential;
import io.mip.credential.kyc.KycIssuer;
import io.mip.credential.kyc.KycRequest;
import io.mip.credential.kyc.KycResult;
import io.mip.credential.mrz.MrzSamples;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Signer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A KYC issuer on a {@link Testbed}: a fresh did:mip, a status list (1024 entries of 2 bits), and a
 * face check the test controls (a match by default). The one KYC issuer fixture for tests in this
 * and other modules.
 */
public final class TestKycIssuer {
  /** The ICAO 9303 TD3 specimen (Anna Maria Eriksson, Utopia) with its check digits computed. */
  public static final String SAMPLE_MRZ =
      MrzSamples.td3("UTO", "L898902C3", "UTO", "740812", 'F', "391231", "ERIKSSON", "ANNA MARIA");

  /** The verdict of the default face check. */
  public static final FaceVerdict MATCH = new FaceVerdict(FaceVerdict.Outcome.MATCH, 0.9, "match");

  private final Testbed bed;
  private final Testbed.Party party;
  private final StatusListIssuer statusList;
  private final AtomicReference<FaceCheck> faces = new AtomicReference<>((s, d) -> MATCH);
  private final KycIssuer kyc;

  private TestKycIssuer(Testbed bed, String listName, Path allocations, String statusBaseUrl) {
    this.bed = bed;
    this.party = bed.createDid();
    this.statusList =
        new StatusListIssuer(
            bed.ledger(),
            new StatusListId(party.did(), listName),
            party.key(),
            1024,
            2,
            allocations);
    this.kyc =
        new KycIssuer(
            party.kid(),
            party.key(),
            bed.resolver(),
            (selfie, document) -> faces.get().check(selfie, document),
            statusList,
            KycIssuer.Settings.defaults(statusBaseUrl),
            Clock.systemUTC());
  }

  /**
   * A new issuer, not yet accredited, whose status list {@code listName} keeps its allocations in
   * {@code allocations} and is published under {@code statusBaseUrl}.
   */
  public static TestKycIssuer create(
      Testbed bed, String listName, Path allocations, String statusBaseUrl) {
    return new TestKycIssuer(bed, listName, allocations, statusBaseUrl);
  }

  /** Accredits this issuer for {@link KycCredential#VCT} with the testbed's governance key. */
  public TestKycIssuer accredit() {
    bed.accredit(party.did(), Set.of(KycCredential.VCT));
    return this;
  }

  /** Makes the issuer's face check answer {@code verdict} from now on. */
  public void answer(FaceVerdict verdict) {
    faces.set((s, d) -> verdict);
  }

  /** Makes the issuer check faces with {@code check} from now on. */
  public void checkFacesWith(FaceCheck check) {
    faces.set(check);
  }

  public Testbed.Party party() {
    return party;
  }

  public KycIssuer kyc() {
    return kyc;
  }

  public StatusListIssuer statusList() {
    return statusList;
  }

  /** A request for a fresh challenge, with the holder's proof of control of {@code holderKid}. */
  public KycRequest request(
      String holderKid, Signer holder, String mrz, byte[] documentPhoto, byte[] selfie) {
    Challenge c = kyc.challenge();
    String proof = HolderProof.sign(c, holderKid, holder, Instant.now());
    return new KycRequest(proof, mrz, documentPhoto, selfie);
  }

  /** Runs KYC for the holder of {@code holderKid} with {@link #SAMPLE_MRZ} and dummy images. */
  public KycResult issue(String holderKid, Signer holder) {
    return kyc.issue(request(holderKid, holder, SAMPLE_MRZ, new byte[] {1}, new byte[] {2}));
  }

  /** As {@link #issue}, failing the test set-up unless a credential is issued. */
  public SdJwt credentialFor(String holderKid, Signer holder) {
    KycResult r = issue(holderKid, holder);
    if (!r.isIssued()) {
      throw new IllegalStateException("KYC not issued: " + r.detail());
    }
    return r.credential();
  }
}
