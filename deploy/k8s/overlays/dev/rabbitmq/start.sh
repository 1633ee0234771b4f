#!/bin/sh
# Renders definitions.json (users, their permissions, the virtual host) with the passwords from the environment into
# $VRF_DEFINITIONS, which 30-vrf-definitions.conf makes RabbitMQ load at every start, then runs the given command (the
# image's own entry point). Each @@NAME@@ in the file is replaced by the value of the variable NAME; a variable that is
# unset or empty gives that user a random password nobody knows, so the user cannot log in (docker-compose.yml makes
# compose refuse to start without the passwords its services use). Passwords may hold letters, digits and . _ ~ -
# only: they also go into bus addresses (rabbitmq://user:password@host/) unescaped.
#   sh deploy/rabbitmq/start.sh                     # render only (tests do this)
#   sh deploy/rabbitmq/start.sh docker-entrypoint.sh rabbitmq-server
set -eu

here=$(dirname "$0")
out=${VRF_DEFINITIONS:-/tmp/vrf-definitions.json}
rendered=$(cat "$here/definitions.json")

for name in $(printf '%s\n' "$rendered" | grep -o '@@[A-Z_]*@@' | tr -d '@' | sort -u); do
    value=$(printenv "$name" || true)
    if [ -z "$value" ]; then
        value=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
    fi
    case "$value" in
        *[!A-Za-z0-9._~-]*)
            echo "start.sh: $name may hold only letters, digits and . _ ~ - (generate one with: openssl rand -hex 24)" >&2
            exit 1
            ;;
    esac
    rendered=$(printf '%s\n' "$rendered" | sed "s|@@$name@@|$value|g")
done

umask 077
printf '%s\n' "$rendered" > "$out"
if [ "$#" -gt 0 ]; then
    exec "$@"
fi
