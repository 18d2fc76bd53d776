package io.wopihost.server.cli;

import io.wopihost.core.model.User;
import io.wopihost.server.Host;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wopihost user add|passwd|list}: the people who sign in (web UI, OAuth login page). */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Add or list the users who sign in, or change a password.",
    subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: add, passwd or list");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add a user. The password is asked for on the terminal, or read from --password-file;"
              + " only a salted bcrypt hash of it is stored.")
  static final class Add implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The user id and sign-in name: letters, digits"
        + " and . _ @ + -, at most 64.")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "The name shown to others"
        + " (default: the id).")
    String name;

    @Option(names = "--password-file", paramLabel = "FILE",
        description = "A file whose first line is the password.")
    Path passwordFile;

    @Option(names = "--admin", description = "Make the user an administrator, who sees every"
        + " user's files and can force locks off.")
    boolean admin;

    @Override
    public Integer call() throws Exception {
      if (!User.isValidId(id)) {
        throw new IllegalArgumentException(
            "a user id is 1 to 64 letters, digits and . _ @ + -, was '" + id + "'");
      }
      char[] password = password(passwordFile, id);
      try (Host host = Host.open(config.load(), Clock.systemUTC())) {
        if (!host.users().tryAdd(new User(id, name == null ? id : name), password)) {
          throw new IllegalArgumentException("there is already a user '" + id + "'");
        }
        if (admin) {
          host.users().trySetAdmin(id, true);
        }
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getOut().println("added user " + id);
      spec.commandLine().getOut().flush();
      return 0;
    }

  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Set a user's password. It is asked for on the terminal, or read from"
          + " --password-file.")
  static final class Passwd implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The user id.")
    String id;

    @Option(names = "--password-file", paramLabel = "FILE",
        description = "A file whose first line is the password.")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
      char[] password = password(passwordFile, id);
      try (Host host = Host.open(config.load(), Clock.systemUTC())) {
        if (!host.users().trySetPassword(id, password)) {
          throw new IllegalArgumentException("there is no user '" + id + "'");
        }
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getOut().println("changed the password of " + id);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private static char[] password(Path passwordFile, String id) throws Exception {
    if (passwordFile != null) {
      String first = Files.readString(passwordFile, StandardCharsets.UTF_8).lines()
          .findFirst().orElse("");
      if (first.isEmpty()) {
        throw new IllegalArgumentException("the first line of " + passwordFile + " is empty");
      }
      return first.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException(
          "no terminal to ask for the password on: give --password-file FILE");
    }
    char[] password = console.readPassword("Password for %s: ", id);
    char[] again = console.readPassword("Again: ");
    if (password == null || password.length == 0 || !Arrays.equals(password, again)) {
      throw new IllegalArgumentException("the passwords are empty or do not match");
    }
    return password;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print each user as: id, a tab, the display name.")
  static final class ListUsers implements Callable<Integer> {

    @Mixin ConfigOptions config;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      try (Host host = Host.open(config.load(), Clock.systemUTC())) {
        for (User user : host.users().list()) {
          out.println(user.id() + "\t" + user.displayName());
        }
      }
      out.flush();
      return 0;
    }
  }
}
