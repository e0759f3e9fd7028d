# shellcheck shell=sh
# Sourced (POSIX sh or bash) by the decoders' fixtures/make-fixtures.sh: a work dir and background jobs cleaned up on
# exit, network-namespace pairs, a tcpdump that loses no packets, waiting for a TCP port. After sourcing:
#   WORK                        temp dir, removed on exit (its *.log go to stderr on exit when WW_DEBUG is set)
#   track_pid PID               kill PID on exit (so does a pid file "$WORK"/*.pid; a daemon that drops root
#                               cannot write one there, so track its job instead)
#   netns_add NAME              a network namespace with lo up, deleted on exit
#   netns_pair ADDR_A ADDR_B    namespaces $A and $B joined by veth $VA / $VB (ADDR like 172.31.9.10/24, '' = none),
#                               links up, offloads off (so captured checksums are real); nsA CMD… / nsB CMD… run in them
#   capture_start FILE [FILTER] [NS] [IFACE]   tcpdump --immediate-mode on IFACE (lo) in NS (this one) into FILE,
#                               returning once it listens (without --immediate-mode libpcap holds packets in its ring
#                               until a block times out, and the SIGINT that ends a short capture loses them)
#   capture_stop [SLEEP]        after SLEEP seconds (0.3), waits until the file stops growing, then stops tcpdump
#   wait_port PORT [NS]         until something listens on TCP PORT (fails after 30 s)
FIXTURE_WORK_DIR=$(mktemp -d)
WORK=$FIXTURE_WORK_DIR
FIXTURE_PIDS=''
FIXTURE_NETNS=''
FIXTURE_PAIRS=0
CAP_PID=''
CAP_FILE=''

fixture_cleanup() {
  for p in $FIXTURE_PIDS; do kill "$p" 2>/dev/null || true; done
  for f in "$FIXTURE_WORK_DIR"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  [ -n "$CAP_PID" ] && kill "$CAP_PID" 2>/dev/null || true
  # Only our own jobs: a daemon that outlived its pid file must not hang the exit.
  for p in $FIXTURE_PIDS $CAP_PID; do wait "$p" 2>/dev/null || true; done
  for n in $FIXTURE_NETNS; do ip netns del "$n" 2>/dev/null || true; done
  if [ -n "${WW_DEBUG:-}" ]; then cat "$FIXTURE_WORK_DIR"/*.log >&2 2>/dev/null || true; fi
  rm -rf "$FIXTURE_WORK_DIR"
}
trap fixture_cleanup EXIT

track_pid() { FIXTURE_PIDS="$FIXTURE_PIDS $1"; }

netns_add() {
  ip netns add "$1"
  FIXTURE_NETNS="$FIXTURE_NETNS $1"
  ip -n "$1" link set lo up
}

netns_pair() {
  FIXTURE_PAIRS=$((FIXTURE_PAIRS + 1))
  A=wwA$$p$FIXTURE_PAIRS B=wwB$$p$FIXTURE_PAIRS VA=wwa$$p$FIXTURE_PAIRS VB=wwb$$p$FIXTURE_PAIRS
  netns_add "$A"; netns_add "$B"
  ip link add "$VA" type veth peer name "$VB"
  ip link set "$VA" netns "$A"; ip link set "$VB" netns "$B"
  [ -n "$1" ] && ip -n "$A" addr add "$1" dev "$VA"
  [ -n "$2" ] && ip -n "$B" addr add "$2" dev "$VB"
  ip -n "$A" link set "$VA" up; ip -n "$B" link set "$VB" up
  ip netns exec "$A" ethtool -K "$VA" tso off gso off gro off tx off >/dev/null 2>&1 || true
  ip netns exec "$B" ethtool -K "$VB" tso off gso off gro off tx off >/dev/null 2>&1 || true
}
nsA() { ip netns exec "$A" "$@"; }
nsB() { ip netns exec "$B" "$@"; }

capture_start() {
  CAP_FILE=$1
  # A stale "listening on" from the previous capture must not count for this one.
  rm -f "$FIXTURE_WORK_DIR/tcpdump.err"
  # Not through a function: a backgrounded function is a subshell that ignores SIGINT; tcpdump itself must get it.
  if [ -n "${3:-}" ]; then
    ip netns exec "$3" tcpdump -i "${4:-lo}" --immediate-mode -U -s 0 -w "$1" ${2:+"$2"} 2>"$FIXTURE_WORK_DIR/tcpdump.err" &
  else
    tcpdump -i "${4:-lo}" --immediate-mode -U -s 0 -w "$1" ${2:+"$2"} 2>"$FIXTURE_WORK_DIR/tcpdump.err" &
  fi
  CAP_PID=$!
  for _ in $(seq 100); do grep -q "listening on" "$FIXTURE_WORK_DIR/tcpdump.err" 2>/dev/null && break; sleep 0.05; done
}

capture_stop() {
  sleep "${1:-0.3}"
  # tcpdump drops what it has not written yet when signalled: stop it only once the file stopped growing.
  last=-1 same=0
  for _ in $(seq 50); do
    size=$(stat -c %s "$CAP_FILE" 2>/dev/null || echo 0)
    if [ "$size" = "$last" ]; then same=$((same + 1)); [ "$same" -ge 4 ] && break; else same=0 last=$size; fi
    sleep 0.1
  done
  kill -INT "$CAP_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$CAP_PID" 2>/dev/null || break; sleep 0.1; done
  kill "$CAP_PID" 2>/dev/null || true; wait "$CAP_PID" 2>/dev/null || true
  CAP_PID=''
}

wait_port() {
  for _ in $(seq 300); do
    if [ -n "${2:-}" ]; then ip netns exec "$2" ss -ltn; else ss -ltn; fi | grep -q ":$1 " && return 0
    sleep 0.1
  done
  echo "port $1 never opened" >&2; return 1
}
