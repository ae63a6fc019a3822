# shellcheck shell=bash
# The one set-up step of bin/demo, bin/test and .ci/run (sourced, then `nats4j_setup <caller>`).
#
# Makes sure a JDK 17+, Maven 3.8+ and nats-server are there before Maven starts. What is missing is
# installed with the system's package manager (apt-get as root, sudo apt-get when not root and sudo
# exists, brew on macOS), announced in one line saying what and why. When it cannot be installed the
# step stops at once with the exact command to run. Nothing is downloaded from anywhere else.
#
# NATS_SERVER=/path/to/nats-server names your own binary; it is used as it is and never installed.
# A nats-server found outside PATH (Debian puts it in /usr/sbin, which is not on a normal user's PATH)
# is exported as NATS_SERVER so the nats-testing fixture finds it too.
# NATS4J_SBIN_PATH (default /usr/local/sbin:/usr/sbin:/sbin) lists those places; the script's own
# test points it elsewhere.

_nats4j_say() { printf '%s: %s\n' "$_nats4j_who" "$*" >&2; }

# Stops the caller: prints what went wrong and the command that fixes it.
_nats4j_stop() {
  printf '%s: %s\n' "$_nats4j_who" "$1" >&2
  [ -n "${2:-}" ] && printf '  run: %s\n  then run %s again.\n' "$2" "$_nats4j_who" >&2
  return 1
}

# The Java feature version of the java binary $1 ("17", "25"), or nothing if it does not run.
_nats4j_java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1) || true
  case "$v" in 1.*) v=${v#1.} ;; esac
  printf '%s' "${v%%.*}"
}

# Empty when a JDK 17+ (java and javac) is usable, else why not.
_nats4j_check_jdk() {
  local java javac major
  if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"; javac="$JAVA_HOME/bin/javac"
    [ -x "$java" ] || { printf 'JAVA_HOME=%s has no bin/java' "$JAVA_HOME"; return; }
  else
    java=$(command -v java || true); javac=$(command -v javac || true)
    [ -n "$java" ] || { printf 'no java on PATH'; return; }
  fi
  major=$(_nats4j_java_major "$java")
  case "$major" in
    ''|*[!0-9]*) printf '%s does not run' "$java"; return ;;
  esac
  if [ "$major" -lt 17 ]; then printf '%s is Java %s, nats4j needs 17 or newer' "$java" "$major"; return; fi
  if [ -z "$javac" ] || [ ! -x "$javac" ]; then printf '%s is a JRE without javac' "$java"; fi
}

# Empty when Maven 3.8+ is usable, else why not.
_nats4j_check_maven() {
  local v major minor
  command -v mvn >/dev/null 2>&1 || { printf 'no mvn on PATH'; return; }
  v=$(mvn -B -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p' | head -n 1) || true
  [ -n "$v" ] || { printf '"mvn -v" does not run'; return; }
  major=${v% *}; minor=${v#* }
  if [ "$major" -lt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -lt 8 ]; }; then
    printf 'mvn is Maven %s.%s, nats4j needs 3.8 or newer' "$major" "$minor"
  fi
}

# Finds nats-server: NATS_SERVER, else PATH, else the sbin directories (then exports NATS_SERVER).
# Returns 1 when there is none; 2 when NATS_SERVER names something that is not an executable file.
_nats4j_find_server() {
  local dir
  if [ -n "${NATS_SERVER:-}" ]; then
    [ -f "$NATS_SERVER" ] && [ -x "$NATS_SERVER" ] && return 0
    return 2
  fi
  command -v nats-server >/dev/null 2>&1 && return 0
  local IFS=:
  for dir in ${NATS4J_SBIN_PATH-/usr/local/sbin:/usr/sbin:/sbin}; do
    if [ -n "$dir" ] && [ -x "$dir/nats-server" ]; then export NATS_SERVER="$dir/nats-server"; return 0; fi
  done
  return 1
}


nats4j_setup() {
  _nats4j_who="${1:-nats4j}"
  local jdk_why maven_why='' server_rc=0 pkgs=() whys=() manager sudo='' run
  jdk_why=$(_nats4j_check_jdk)
  if [ -z "$jdk_why" ]; then
    maven_why=$(_nats4j_check_maven)
  elif ! command -v mvn >/dev/null 2>&1; then
    maven_why='no mvn on PATH'      # with no usable JDK, "mvn -v" cannot tell more
  fi
  _nats4j_find_server || server_rc=$?
  if [ "$server_rc" -eq 2 ]; then
    _nats4j_stop "NATS_SERVER=$NATS_SERVER is not an executable file; point it at a nats-server binary" \
      "unset NATS_SERVER   # to use (or install) the system's nats-server"
    return 1
  fi
  [ -n "$jdk_why" ] && { pkgs+=(JDK); whys+=("$jdk_why"); }
  [ -n "$maven_why" ] && { pkgs+=(maven); whys+=("$maven_why"); }
  [ "$server_rc" -eq 1 ] && { pkgs+=(nats-server); whys+=("no nats-server on PATH or in ${NATS4J_SBIN_PATH-/usr/local/sbin:/usr/sbin:/sbin}; the tests and the demo start real nats-server processes"); }
  [ "${#pkgs[@]}" -eq 0 ] && return 0

  if [ "$(uname -s 2>/dev/null)" = Darwin ]; then
    if command -v brew >/dev/null 2>&1; then manager=brew; else manager=no-brew; fi
  elif command -v apt-get >/dev/null 2>&1; then
    manager=apt-get
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo=sudo; else manager=apt-get-no-root; fi
    fi
  else
    manager=none
  fi
  local why i what
  why=${whys[0]}; for ((i = 1; i < ${#whys[@]}; i++)); do why="$why; ${whys[i]}"; done
  case "$manager" in
    brew) pkgs=("${pkgs[@]/#JDK/openjdk@17}") ;;
    *) pkgs=("${pkgs[@]/#JDK/openjdk-17-jdk-headless}") ;;
  esac
  what="${pkgs[*]}"
  case "$manager" in
    apt-get)
      _nats4j_say "installing $what with ${sudo:+sudo }apt-get ($why)"
      run="${sudo:+sudo }apt-get update && ${sudo:+sudo }apt-get install -y $what"
      $sudo apt-get update -q >&2 || { _nats4j_stop "apt-get update failed" "$run"; return 1; }
      if [ -n "$jdk_why" ] && ! apt-cache show openjdk-17-jdk-headless >/dev/null 2>&1; then
        pkgs=("${pkgs[@]/#openjdk-17-jdk-headless/default-jdk-headless}")   # Debian 13+ ships 21 and newer
      fi
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${pkgs[@]}" >&2 \
        || { _nats4j_stop "apt-get install ${pkgs[*]} failed" "$run"; return 1; }
      run="${sudo:+sudo }apt-get install -y ${pkgs[*]}" ;;
    brew)
      _nats4j_say "installing $what with brew ($why)"
      run="brew install $what"
      brew install "${pkgs[@]}" >&2 || { _nats4j_stop "brew install $what failed" "$run"; return 1; }
      if [ -n "$jdk_why" ]; then
        export JAVA_HOME; JAVA_HOME="$(brew --prefix openjdk@17)/libexec/openjdk.jdk/Contents/Home"
        export PATH="$JAVA_HOME/bin:$PATH"
      fi ;;
    apt-get-no-root)
      _nats4j_stop "missing: $what ($why); installing needs root and there is no sudo" \
        "su -c 'apt-get update && apt-get install -y $what'"
      return 1 ;;
    no-brew)
      _nats4j_stop "missing: $what ($why); Homebrew (brew.sh) is not installed; or set NATS_SERVER=/path/to/nats-server" \
        "brew install $what"
      return 1 ;;
    *)
      _nats4j_stop "missing: $what ($why); this machine has neither apt-get nor brew: install them with its package manager (or set NATS_SERVER=/path/to/nats-server)" \
        "<package manager> install $what"
      return 1 ;;
  esac
  # what was installed must now be usable
  jdk_why=$(_nats4j_check_jdk)
  [ -z "$jdk_why" ] || { _nats4j_stop "after installing, $jdk_why; point JAVA_HOME at a JDK 17+" "export JAVA_HOME=/path/to/jdk"; return 1; }
  maven_why=$(_nats4j_check_maven)
  [ -z "$maven_why" ] || { _nats4j_stop "after installing, $maven_why" "$run"; return 1; }
  _nats4j_find_server || { _nats4j_stop "installed nats-server, but it is neither on PATH nor in ${NATS4J_SBIN_PATH-/usr/local/sbin:/usr/sbin:/sbin}" "export NATS_SERVER=/path/to/nats-server"; return 1; }
  return 0
}
