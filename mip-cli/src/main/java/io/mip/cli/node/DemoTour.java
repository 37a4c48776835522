package io.mip.cli.node;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guided tour {@code mip demo} prints: numbered steps a newcomer pastes into a second terminal
 * at the repository root (passport, KYC credential, presentation, "Sign in with MIP" at the clinic
 * app, Smart Profile and consent, the ledger). Uses the photos of {@code ../shared/faces} next to
 * the repository when they are there, else names placeholders for the user's own photos.
 *
 * @param url the demo node's URL
 * @param data the demo's data directory (absolute)
 * @param root the repository root
 * @param faces the folder of the sample photos, when present
 * @param issuer the demo node's KYC issuer DID
 * @param app the demo DID, registered as an app
 */
record DemoTour(String url, Path data, Path root, Optional<Path> faces, String issuer, String app) {
  /** The PIN the tour uses. */
  static final String PIN = "482916";

  /** The sample MRZ, relative to the repository root. */
  static final String MRZ = "examples/kyc/specimen-td3.mrz";

  private static final String[] SAMPLES = {"img1", "img2", "img4", "img5", "img6"};

  /** Returns the sample photo folder ({@code <root>/../shared/faces/deepface}) if complete. */
  static Optional<Path> sampleFaces(Path root) {
    Path dir = root.resolve("../shared/faces/deepface").normalize();
    for (String s : SAMPLES) {
      if (!Files.isRegularFile(dir.resolve(s + ".jpg"))) {
        return Optional.empty();
      }
    }
    return Optional.of(dir);
  }

  /** The passport the tour creates, in the node's wallet folder. */
  Path passport() {
    return data.resolve("wallets").resolve("me.passport");
  }

  /** Prints the tour. */
  void print(PrintWriter out) {
    lines().forEach(out::println);
    out.flush();
  }

  /** The tour's lines; command lines are indented by two spaces. */
  List<String> lines() {
    String[] p = photos();
    String w = q(passport().toString());
    String me = " --passport " + w + " --face " + p[3] + " --face " + p[4] + " --pin-stdin";
    String pin = "echo " + PIN + " | ./mip ";
    List<String> l = new ArrayList<>();
    l.add(
        "Tour: paste these into a second terminal. PIN " + PIN + " (yours: 6 or more characters).");
    l.add(
        faces.isPresent()
            ? "Photos of one person from "
                + faces.get()
                + ": img1, img2, img4 to enrol, img5 and img6 to unlock, img2 as the document"
                + " photo, img1 as the selfie."
            : "Use your photos: me1.jpg, me2.jpg, me3.jpg to enrol and me4.jpg, me5.jpg to unlock"
                + " (your face), document.jpg (the face on your document), selfie.jpg (a live"
                + " selfie).");
    l.add("  cd " + q(root.toString()));
    l.add("  export MIP_NODE=" + url);
    l.add("");
    if (Files.isRegularFile(passport())) {
      l.add("1. Your passport is " + passport() + "; unlock it to get its DID:");
      l.add(
          "  DID=$(" + pin + "passport unlock --wallet " + w + face(p[3], p[4]) + " --pin-stdin)");
    } else {
      l.add("1. Create your passport from three photos (in the node's wallet folder, for step 4):");
      l.add(
          "  DID=$("
              + pin
              + "passport create --wallet "
              + w
              + face(p[0], p[1], p[2])
              + " --pin-stdin)");
    }
    l.add("");
    l.add("2. Get a KYC credential: the document's MRZ (an ICAO 9303 specimen), its photo and a");
    l.add("   live selfie; the issuer matches the faces, the passport signs, and the credential");
    l.add("   is stored beside it as me.kyc.sd-jwt:");
    l.add(
        "  "
            + pin
            + "kyc issue"
            + me
            + " --mrz "
            + MRZ
            + " --document "
            + p[5]
            + " --selfie "
            + p[6]);
    l.add("");
    l.add("3. Present only age_over_18 to a verifier, and verify it as the verifier does:");
    l.add(
        "  "
            + pin
            + "credential present"
            + me
            + " --disclose age_over_18 --nonce n-4711 --aud https://clinic.example >"
            + " presentation.txt");
    l.add(
        "  ./mip credential verify --nonce n-4711 --aud https://clinic.example @presentation.txt");
    l.add("");
    l.add("4. Sign in to City Clinic (a third terminal): open http://127.0.0.1:8090, press \"Sign");
    l.add("   in with MIP\", pick \"me\", give the two unlock photos and the PIN; the clinic now");
    l.add("   receives your given name and that you are over 18, verified by the KYC issuer:");
    l.add("  ./examples/clinic-app/run --node " + url);
    l.add("");
    l.add("5. Your Smart Profile, and consent for the demo app (" + app + "):");
    l.add("  " + pin + "profile list" + me);
    l.add(
        "  GRANT=$("
            + pin
            + "consent grant"
            + me
            + " --app "
            + app
            + " --categories 'health.*' --for P30D | cut -d' ' -f2 | tr -d :)");
    l.add("  " + pin + "consent list" + me);
    l.add("  " + pin + "consent revoke" + me + " --grant=\"$GRANT\"");
    l.add("");
    l.add("6. The ledger: your DID document, the accredited issuers, every block re-checked:");
    l.add("  ./mip did resolve \"$DID\"");
    l.add("  ./mip issuer list");
    l.add("  ./mip ledger verify --data " + q(data.toString()));
    return l;
  }

  /** Enrol 1-3, unlock 4-5, document, selfie (indexes 0 to 6), shell-quoted. */
  private String[] photos() {
    if (faces.isEmpty()) {
      return new String[] {
        "me1.jpg", "me2.jpg", "me3.jpg", "me4.jpg", "me5.jpg", "document.jpg", "selfie.jpg"
      };
    }
    Path f = faces.get();
    String[] names = {"img1", "img2", "img4", "img5", "img6", "img2", "img1"};
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = q(f.resolve(names[i] + ".jpg").toString());
    }
    return out;
  }

  private static String face(String... photos) {
    StringBuilder b = new StringBuilder();
    for (String p : photos) {
      b.append(" --face ").append(p);
    }
    return b.toString();
  }

  /** Quotes {@code s} for a POSIX shell when it holds anything but safe characters. */
  static String q(String s) {
    return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
