# shellcheck shell=bash
# Preparing the machine: the WAR, wrk and nginx, a stock Tomcat 11 and the H2 jar.

# Maven prints ANSI colour codes even with -B around -DforceStdout output; strip them.
pom_property() {
  (cd "$REPO_DIR" && mvn -q -B -Dstyle.color=never help:evaluate -Dexpression="$1" -DforceStdout 2>>"$WORK_DIR/mvn-fetch.log") |
    sed 's/\x1b\[[0-9;]*m//g' | tr -d '[:space:]'
}

build_war() {
  log "building the WAR (mvn -q -B -DskipTests -Dspotless.check.skip=true package, log in bench/work/build.log)"
  # Formatting is checked by CI, not a reason to refuse to measure.
  (cd "$REPO_DIR" && mvn -q -B -DskipTests -Dspotless.check.skip=true package) >"$WORK_DIR/build.log" 2>&1 ||
    { tail -n 30 "$WORK_DIR/build.log" >&2; die "the build failed"; }
  [[ -f $WAR ]] || die "the build did not produce $WAR"
}

# Debian packages, only when the command is missing (we run as root on the bench machines).
ensure_command() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null && return 0
  log "installing Debian package $pkg (for $cmd)"
  [[ $EUID -eq 0 ]] || die "$cmd is missing and we are not root: apt-get install $pkg"
  # A fresh machine may have no package lists yet.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >"$WORK_DIR/apt-$pkg.log" 2>&1; then
    apt-get update -q >>"$WORK_DIR/apt-$pkg.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >>"$WORK_DIR/apt-$pkg.log" 2>&1 ||
      die "apt-get install $pkg failed, see $WORK_DIR/apt-$pkg.log"
  fi
}

# fetch_artifact G:A:V[:TYPE[:CLASSIFIER]] FILE_NAME: copy one Maven artifact into $WORK_DIR
# through the local repository (so a second run needs no network).
fetch_artifact() {
  local coords=$1 file=$2
  [[ -f $WORK_DIR/$file ]] && return 0
  log "fetching $coords through Maven"
  (cd "$WORK_DIR" && mvn -q -B dependency:copy -Dartifact="$coords" -DoutputDirectory="$WORK_DIR") \
    >"$WORK_DIR/mvn-fetch.log" 2>&1 ||
    die "could not fetch $coords"
  [[ -f $WORK_DIR/$file ]] || die "$coords did not land as $WORK_DIR/$file"
}

# A pristine Tomcat distribution (CATALINA_HOME); every Tomcat we start gets its own fresh
# CATALINA_BASE (see tomcat.sh), so this tree is never modified.
ensure_tomcat() {
  TOMCAT_VERSION=$(pom_property tomcat.version)
  [[ $TOMCAT_VERSION =~ ^11\. ]] || die "pom property tomcat.version is '$TOMCAT_VERSION', expected 11.x"
  CATALINA_HOME="$WORK_DIR/apache-tomcat-$TOMCAT_VERSION"
  if [[ ! -x $CATALINA_HOME/bin/catalina.sh ]]; then
    fetch_artifact "org.apache.tomcat:tomcat:$TOMCAT_VERSION:tar.gz" "tomcat-$TOMCAT_VERSION.tar.gz"
    tar -xzf "$WORK_DIR/tomcat-$TOMCAT_VERSION.tar.gz" -C "$WORK_DIR"
  fi
  [[ -x $CATALINA_HOME/bin/catalina.sh ]] || die "no catalina.sh in $CATALINA_HOME"
}

# The H2 jar of the version the application ships, for writing the scale data sets.
ensure_h2() {
  H2_VERSION=$(pom_property h2.version)
  [[ -n $H2_VERSION ]] || die "pom property h2.version is empty"
  H2_JAR="$WORK_DIR/h2-$H2_VERSION.jar"
  fetch_artifact "com.h2database:h2:$H2_VERSION" "h2-$H2_VERSION.jar"
}

# Other builds may rewrite target/placard.war while we run (the repository is shared): measure a
# private copy, checked to be a whole archive, so every mode runs the same bytes.
snapshot_war() {
  local copy="$RUN_DIR/placard.war" try
  for try in 1 2 3; do
    cp "$WAR" "$copy" &&
      python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$copy" 2>/dev/null &&
      { WAR=$copy; return 0; }
    log "$WAR is not a whole archive (being rebuilt?), retrying in 5s"
    sleep 5
  done
  die "$WAR is not a valid WAR"
}

prepare_machine() {
  mkdir -p "$WORK_DIR" "$RESULTS_DIR"
  if ((BUILD)); then build_war; else [[ -f $WAR ]] || die "--no-build but $WAR does not exist"; fi
  snapshot_war
  ensure_command wrk wrk
  ensure_command nginx nginx
  ensure_command curl curl
  ensure_command jcmd openjdk-17-jdk-headless
  ensure_tomcat
  ensure_h2
}
