// "City Clinic": a tiny relying party that signs people in with MIP (OpenID Connect, docs/oidc.md).
// Run it with ./examples/clinic-app/run next to a node started with ./mip demo.
//
// On first start it creates the app's DID on the node's ledger and registers the app (name and
// redirect URI) with an app.register operation, keeping its Ed25519 key in
// ~/.mip/clinic-app/app-key.json (mode 600). Then it serves http://127.0.0.1:8090 with a
// "Sign in with MIP" button; io.mip.sdk.login.MipClient does the rest (state, nonce, PKCE,
// private_key_jwt with the app's DID key, ID token validation).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.SecretKeyAccess;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import io.mip.sdk.login.LoginRequest;
import io.mip.sdk.login.LoginResult;
import io.mip.sdk.login.MipClient;
import io.mip.sdk.login.MipLogin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class ClinicApp {
  private static final String NAME = "City Clinic (demo)";
  private static final Set<String> SCOPES = Set.of("given_name", "age_over_18");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MipClient mip;
  private final Map<String, LoginRequest> pending = new ConcurrentHashMap<>();
  private final Map<String, MipLogin> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> errors = new ConcurrentHashMap<>();

  private ClinicApp(MipClient mip) {
    this.mip = mip;
  }

  public static void main(String[] args) throws Exception {
    String node = arg(args, "--node", System.getenv().getOrDefault("MIP_NODE", "http://127.0.0.1:8080"));
    int port = Integer.parseInt(arg(args, "--port", "8090"));
    Path home = Path.of(arg(args, "--data", System.getProperty("user.home") + "/.mip/clinic-app"));
    URI redirect = URI.create("http://127.0.0.1:" + port + "/callback");
    Identity app = Identity.loadOrCreate(home.resolve("app-key.json"), URI.create(node));
    app.register(URI.create(node), redirect);
    MipClient client =
        MipClient.discover(URI.create(node), app.did, app.key, Optional.of(app.did + "#key-1"), redirect, MipClient.Settings.defaults());
    ClinicApp clinic = new ClinicApp(client);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", clinic::handle);
    server.start();
    System.out.println("City Clinic is running: open http://127.0.0.1:" + port + "  (app DID " + app.did + ", node " + node + ")");
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      String session = session(ex);
      switch (path) {
        case "/login" -> {
          LoginRequest req = mip.startLogin(SCOPES);
          pending.put(session, req);
          redirect(ex, req.url().toString());
        }
        case "/callback" -> {
          LoginRequest req = pending.remove(session);
          if (req == null) {
            errors.put(session, "this sign-in was not started here (or was already finished)");
          } else {
            URI full = URI.create("http://127.0.0.1" + ":" + ex.getLocalAddress().getPort() + ex.getRequestURI());
            LoginResult r = mip.handleCallback(full, req);
            if (r.isOk()) {
              sessions.put(session, r.login().get());
              errors.remove(session);
            } else {
              errors.put(session, r.reason().get() + ": " + r.detail());
            }
          }
          redirect(ex, "/");
        }
        case "/logout" -> {
          sessions.remove(session);
          redirect(ex, "/");
        }
        case "/" -> page(ex, session);
        default -> send(ex, 404, "text/plain", "not found");
      }
    } catch (RuntimeException e) {
      send(ex, 500, "text/plain", "error: " + e.getMessage());
    }
  }

  private void page(HttpExchange ex, String session) throws IOException {
    MipLogin login = sessions.get(session);
    StringBuilder b = new StringBuilder("<!doctype html><meta charset=utf-8><title>City Clinic</title>")
        .append("<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto}")
        .append("a.button{display:inline-block;background:#1f5fbf;color:#fff;padding:.7rem 1.2rem;")
        .append("border-radius:8px;text-decoration:none}td{padding:.2rem .8rem .2rem 0}</style>")
        .append("<h1>City Clinic</h1>");
    String error = errors.remove(session);
    if (error != null) {
      b.append("<p style=\"color:#8a1c1c\">Sign-in failed: ").append(esc(error)).append("</p>");
    }
    if (login == null) {
      b.append("<p>Book appointments with your verified identity.</p>")
          .append("<p><a class=\"button\" href=\"/login\">Sign in with MIP</a></p>")
          .append("<p><small>Asks for your given name and whether you are over 18, from your KYC credential.</small></p>");
    } else {
      b.append("<p>Welcome").append(login.claims().containsKey("given_name") ? ", " + esc(String.valueOf(login.claims().get("given_name"))) : "").append("!</p><table>")
          .append("<tr><td>Your id for this clinic</td><td><code>").append(esc(login.subject())).append("</code></td></tr>")
          .append("<tr><td>Over 18</td><td>").append(esc(String.valueOf(login.claims().getOrDefault("age_over_18", "not shared")))).append("</td></tr>")
          .append("<tr><td>Verified by</td><td><code>").append(esc(login.kycIssuer().orElse("nobody (no KYC claims shared)"))).append("</code></td></tr>")
          .append("<tr><td>Signed in at</td><td>").append(login.authTime()).append("</td></tr></table>")
          .append("<p><a href=\"/logout\">Sign out</a></p>");
    }
    send(ex, 200, "text/html; charset=utf-8", b.toString());
  }

  private static String session(HttpExchange ex) {
    String cookies = ex.getRequestHeaders().getFirst("Cookie");
    if (cookies != null) {
      for (String c : cookies.split(";")) {
        String t = c.trim();
        if (t.startsWith("clinic_session=")) {
          return t.substring("clinic_session=".length());
        }
      }
    }
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String id = Base64Url.encode(b);
    ex.getResponseHeaders().add("Set-Cookie", "clinic_session=" + id + "; Path=/; HttpOnly; SameSite=Lax");
    return id;
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().add("Location", to);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** The app's DID and key, created on the node's ledger the first time. */
  private record Identity(String did, Ed25519PrivateKey key) {
    static Identity loadOrCreate(Path file, URI node) throws IOException {
      if (Files.exists(file)) {
        JsonNode j = Operation.json().readTree(Files.readAllBytes(file));
        return new Identity(j.path("did").asText(), Ed25519PrivateKey.fromSeed(Base64Url.decode(j.path("seed").asText())));
      }
      Ed25519PrivateKey key = Ed25519PrivateKey.generate();
      Operation create = DidMipOperations.create(key, X25519PrivateKey.generate().publicKey(), List.of());
      submit(node, create);
      Identity id = new Identity(DidMipOperations.didOf(create), key);
      Files.createDirectories(file.getParent());
      ObjectNode j = Operation.json().createObjectNode();
      j.put("did", id.did);
      j.put("seed", Base64Url.encode(key.exportSeed(SecretKeyAccess.insecureSecretAccess())));
      Files.write(file, Operation.json().writeValueAsBytes(j));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      System.out.println("Created the app's DID " + id.did + " (key in " + file + ")");
      return id;
    }

    /** Registers the app, or updates its registration when the redirect URI changed. */
    void register(URI node, URI redirect) throws IOException {
      AppRegistration wanted = new AppRegistration(did, NAME, List.of(redirect.toString()));
      JsonNode stream = get(node, "/ledger/streams/" + AppOperations.streamOf(did));
      if (stream == null) {
        submit(node, AppOperations.register(wanted, key));
        System.out.println("Registered the app with redirect URI " + redirect);
        return;
      }
      JsonNode entries = stream.path("entries");
      JsonNode last = entries.get(entries.size() - 1);
      if (!last.path("operation").path("payload").equals(wanted.toJson())) {
        submit(node, AppOperations.update(wanted, new OperationId(last.path("receipt").path("id").asText()), key));
        System.out.println("Updated the app's redirect URI to " + redirect);
      }
    }
  }

  private static JsonNode get(URI node, String path) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(node.resolve(path)).GET().build());
    return r.statusCode() == 404 ? null : Operation.json().readTree(r.body());
  }

  private static void submit(URI node, Operation op) throws IOException {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(node.resolve("/ledger/operations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(op.toJson().toString()))
            .build());
    if (r.statusCode() != 201 && r.statusCode() != 409) {
      throw new IOException("the node refused " + op.type() + ": " + r.statusCode() + " " + r.body());
    }
  }

  private static HttpResponse<String> send(HttpRequest r) throws IOException {
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (java.net.ConnectException e) {
      throw new IOException("no MIP node at " + r.uri().resolve("/") + " (start one with ./mip demo)");
    }
  }
}
