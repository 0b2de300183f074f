#!/usr/bin/env bash
# Avatar processing time per picture size against plain ImageIO decoding (baseline), medians. Needs `mvn compile`.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/avatar-bench.cp -Dmdep.includeScope=runtime >/dev/null
mkdir -p target/avatar-bench
javac -d target/avatar-bench -cp "target/classes:$(cat target/avatar-bench.cp)" bench/avatars/AvatarBench.java
java -cp "target/avatar-bench:target/classes:$(cat target/avatar-bench.cp)" io.clipfeed.social.AvatarBench
