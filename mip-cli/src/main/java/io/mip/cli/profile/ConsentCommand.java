package io.mip.cli.profile;

import io.mip.cli.CliFailure;
import io.mip.profile.CategoryPattern;
import io.mip.profile.consent.ConsentGrant;
import io.mip.profile.consent.StoredGrant;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip consent}: grant, revoke and list apps' access to your records. */
@Command(
    name = "consent",
    mixinStandardHelpOptions = true,
    description = "Grant, revoke and list apps' access to your Smart Profile.",
    subcommands = {
      ConsentCommand.GrantCommand.class,
      ConsentCommand.RevokeCommand.class,
      ConsentCommand.ListCommand.class
    })
public final class ConsentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (grant, revoke, list)");
  }

  /** {@code mip consent grant}. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description =
          "Let an app read your records in some categories until a time; the content keys of the"
              + " matching records are re-wrapped to the app and the grant goes on the ledger.")
  static final class GrantCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PersonOptions person;

    @Option(names = "--app", required = true, paramLabel = "DID", description = "The app's DID.")
    String app;

    @Option(
        names = "--categories",
        required = true,
        split = ",",
        paramLabel = "PATTERN",
        description = "Category patterns: health.visit, health.*, or *.")
    List<String> categories;

    @Option(
        names = "--for",
        paramLabel = "DURATION",
        description = "How long, ISO-8601 (PT1H, P30D); default PT1H.")
    String duration;

    @Option(names = "--until", paramLabel = "TIME", description = "Until this RFC 3339 time.")
    String until;

    @Option(names = "--future", description = "Include records deposited later.")
    boolean future;

    @Option(
        names = "--open",
        description = "Put the grant's terms on the ledger in clear (default: a salted hash only).")
    boolean open;

    @Override
    public void run() {
      Instant end = end();
      List<CategoryPattern> patterns = new ArrayList<>();
      for (String c : categories) {
        try {
          patterns.add(new CategoryPattern(c.trim()));
        } catch (IllegalArgumentException e) {
          throw CliFailure.usage("not a category pattern: " + c);
        }
      }
      ConsentGrant.Disclosure d =
          open ? ConsentGrant.Disclosure.OPEN : ConsentGrant.Disclosure.COMMITMENT;
      StoredGrant g = person.run(p -> p.grant(app, patterns, end, future, d));
      spec.commandLine()
          .getOut()
          .printf("granted %s: %s until %s%n", g.id(), g.grant().categories(), g.grant().until());
    }

    private Instant end() {
      try {
        if (until != null) {
          return Instant.parse(until);
        }
        return Instant.now().plus(Duration.parse(duration == null ? "PT1H" : duration));
      } catch (DateTimeParseException e) {
        throw CliFailure.usage("--until must be RFC 3339 and --for ISO-8601 (PT1H)");
      }
    }
  }

  /** {@code mip consent revoke GRANT-ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a grant.")
  static final class RevokeCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PersonOptions person;

    @Option(
        names = "--grant",
        required = true,
        paramLabel = "ID",
        description = "The grant's id (write --grant=ID: ids may start with '-').")
    String grant;

    @Override
    public void run() {
      StoredGrant g = person.run(p -> p.revoke(grant));
      spec.commandLine().getOut().printf("revoked %s%n", g.id());
    }
  }

  /** {@code mip consent list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List your grants.")
  static final class ListCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PersonOptions person;

    @Override
    public void run() {
      List<StoredGrant> grants = person.run(p -> p.grants());
      PrintWriter out = spec.commandLine().getOut();
      Instant now = Instant.now();
      for (StoredGrant g : grants) {
        out.printf(
            "%s  %-8s %s %s until %s%s%n",
            g.id(),
            g.status(now),
            g.grant().app(),
            g.grant().categories(),
            g.grant().until(),
            g.grant().includeFuture() ? " (+future)" : "");
      }
      out.printf("%d grants%n", grants.size());
    }
  }
}
