package io.stconn.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code completion bash|zsh}: a completion script for the {@code stconn} launcher. Commands and
 * options come from {@link Command} and {@link CommandLine#OPTIONS}, so they never drift; connection
 * names are read from the [connections.*] headers of the project's and the home secrets files
 * (a quick scan, no JVM started on each TAB).
 */
final class Completion {
    private static final String NAMES = "sed -n 's/^[[:space:]]*\\[connections\\.\\([A-Za-z0-9_-]*\\)\\].*/\\1/p' "
            + "\"${STCONN_PROJECT_DIR:-.}/.streamlit/secrets.toml\" \"$HOME/.streamlit/secrets.toml\" 2>/dev/null | sort -u";

    private static final String BASH = """
            # stconn completion for bash: source <(stconn completion bash)
            _stconn() {
              local cur prev commands options
              cur="${COMP_WORDS[COMP_CWORD]}"
              prev="${COMP_WORDS[COMP_CWORD-1]}"
              commands="%1$s"
              options="%2$s"
              case "$prev" in
                --project|--driver-path) COMPREPLY=($(compgen -d -- "$cur")); return ;;
                --secrets|--file|-f) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --format) COMPREPLY=($(compgen -W "table csv json" -- "$cur")); return ;;
                completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")); return ;;
                list|describe|check|query) COMPREPLY=($(compgen -W "$(%3$s)" -- "$cur")); return ;;
              esac
              if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "$options" -- "$cur"))
              else
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
              fi
            }
            complete -o default -F _stconn stconn
            """;

    private static final String ZSH = """
            #compdef stconn
            # stconn completion for zsh: source <(stconn completion zsh)
            _stconn() {
              local -a commands options names
              commands=(%1$s)
              options=(%2$s)
              case "${words[CURRENT-1]}" in
                --project|--driver-path) _files -/; return ;;
                --secrets|--file|-f) _files; return ;;
                --format) compadd table csv json; return ;;
                completion) compadd bash zsh; return ;;
                describe|check|query) names=(${(f)"$(%3$s)"}); compadd -a names; return ;;
              esac
              if [[ "$PREFIX" == -* ]]; then
                compadd -a options
              else
                compadd -a commands
              fi
            }
            if (( $+functions[compdef] )); then compdef _stconn stconn; fi
            """;

    private Completion() {
    }

    static int run(CommandLine commandLine, PrintStream out) throws UsageException {
        String shell = commandLine.operands().get(0).toLowerCase(Locale.ROOT);
        String template = switch (shell) {
            case "bash" -> BASH;
            case "zsh" -> ZSH;
            default -> throw new UsageException("completion: no script for '" + shell + "' (give bash or zsh)");
        };
        String commands = Arrays.stream(Command.values()).map(Command::word).collect(Collectors.joining(" "));
        out.print(template.formatted(commands, String.join(" ", CommandLine.OPTIONS), NAMES));
        return Main.OK;
    }
}
