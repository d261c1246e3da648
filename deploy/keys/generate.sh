#!/usr/bin/env bash
# Generates an ECDSA P-256 token key pair for every app of deploy/services.json:
#   <app>.<version>.key.pem  the private key: give it ONLY to that app (Kubernetes: a Secret per app)
#   <app>.<version>.pub.pem  the public key: give every app all of them (Kubernetes: one ConfigMap)
# and the key that protects the admin's data-protection key ring at rest (sign-in cookies, antiforgery tokens):
#   data-protection.<version>.key  256 random bits, base64: give it ONLY to the admin (Kubernetes: Secret admin-data-protection-key)
#   (made only when the directory holds none; the newest encrypts, any present decrypts, so a new one can be added first)
# Usage: deploy/keys/generate.sh <directory> [version]   (version defaults to today's date, e.g. 2026-11-23)
# Rotation: generate a new version next to the old one and roll it out everywhere; apps sign with their newest key
# and accept every public key present, so remove the old .pub.pem files once tokens signed with them have expired
# (tokens live at most an hour; staff and service tokens five minutes).
set -euo pipefail
dir=${1:?usage: generate.sh <directory> [version]}
version=${2:-$(date -u +%Y-%m-%d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
umask 077
for app in $(node -e "require('$root/deploy/services.json').apps.forEach(a => console.log(a.appId))"); do
  key="$dir/$app.$version.key.pem"
  [ -f "$key" ] && continue
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$key" 2>/dev/null
  openssl pkey -in "$key" -pubout -out "$dir/$app.$version.pub.pem" 2>/dev/null
  chmod 644 "$dir/$app.$version.pub.pem"
done
if ! ls "$dir"/data-protection.*.key >/dev/null 2>&1; then
  openssl rand -base64 32 >"$dir/data-protection.$version.key"
fi
echo "Token keys ($version) and the admin's data-protection key in $dir"
