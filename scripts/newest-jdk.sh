# Sourced by run.sh and the benchmarks: newest_jdk prints the home of the newest JDK >= 21 on this machine
# (virtual threads), or nothing, in which case callers use the default java (17 works too).
newest_jdk() {
  local best="" best_v=0
  for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] || continue
    local v
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' | cut -d. -f1)
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [ "$v" -gt "$best_v" ]; then best_v=$v; best=$home; fi
  done
  [ "$best_v" -ge 21 ] && echo "$best"
  return 0
}
