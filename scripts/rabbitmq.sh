#!/usr/bin/env bash
# Starts a local RabbitMQ for the tests when none answers on 127.0.0.1:5672, and stops it (and the Erlang port
# mapper it brought up) afterwards, so the machine is left with exactly what was running before.
#   source scripts/rabbitmq.sh; rabbitmq_start_if_needed; ...; rabbitmq_stop_if_started

rabbitmq_started_here=0
epmd_was_running=0

rabbitmq_port_open() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

rabbitmq_start_if_needed() {
  if rabbitmq_port_open; then
    echo "rabbitmq: already running on 127.0.0.1:5672, using it"
    return
  fi
  pgrep -x epmd >/dev/null 2>&1 && epmd_was_running=1
  local log_dir="${RABBITMQ_LOG_DIR_FOR_TESTS:-$PWD/artifacts}"
  mkdir -p "$log_dir"
  echo "rabbitmq: starting (log: $log_dir/rabbitmq.log)"
  setsid rabbitmq-server >"$log_dir/rabbitmq.log" 2>&1 </dev/null &
  rabbitmq_started_here=1
  local waited=0
  until rabbitmq_port_open; do
    sleep 1
    waited=$((waited + 1))
    if [ "$waited" -ge 180 ]; then
      echo "rabbitmq: did not open port 5672 within 180 s; see $log_dir/rabbitmq.log" >&2
      return 1
    fi
  done
  timeout 120 rabbitmqctl -q await_startup
  echo "rabbitmq: ready after ${waited}s"
}

rabbitmq_stop_if_started() {
  if [ "$rabbitmq_started_here" -eq 1 ]; then
    echo "rabbitmq: stopping the broker this script started"
    timeout 60 rabbitmqctl -q stop >/dev/null 2>&1 || pkill -f 'beam.*rabbit' || true
    if [ "$epmd_was_running" -eq 0 ]; then
      epmd -kill >/dev/null 2>&1 || true
    fi
    rabbitmq_started_here=0
  fi
}
