#!/usr/bin/env bash
# The deployment configurations we ship, on the real servers of Debian's packages (installed by
# scripts/setup.sh --test): the sub-path build served by nginx with deploy/nginx.conf and by
# Apache with deploy/htaccess, each checked over HTTP (scripts/check_deploy.py: CSP and headers
# of every HTML answer, MIME types, compression, 404 for a missing data file, no-cache) and in
# Chromium (scripts/check_app.mjs: the app loads and lists the projects). Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist-subpath/index.html ] || { echo "no sub-path build: run 'make build-subpath' first" >&2; exit 1; }
python3 scripts/deploy_config.py --check

NGINX_PORT=${NGINX_PORT:-8091}
APACHE_PORT=${APACHE_PORT:-8092}
tmp=$(mktemp -d /tmp/poles-deploy.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  [ -f "$tmp/apache.pid" ] && kill "$(cat "$tmp/apache.pid")" 2>/dev/null || true
  sleep 0.5
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/www"
cp -r dist-subpath "$tmp/www/explorateur"
chmod -R a+rX "$tmp/www"
wait_port() { for _ in $(seq 1 50); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
fail=0

# --- nginx: deploy/nginx.conf as shipped, only its root folder pointed at the copy -------
sed "s#root /srv/poles-explorer;#root $tmp/www;#" deploy/nginx.conf > "$tmp/poles.conf"
mkdir -p "$tmp/nginx-temp"
cat > "$tmp/nginx.conf" <<CONF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  default_type application/octet-stream;
  client_body_temp_path $tmp/nginx-temp/body;
  proxy_temp_path $tmp/nginx-temp/proxy;
  fastcgi_temp_path $tmp/nginx-temp/fastcgi;
  uwsgi_temp_path $tmp/nginx-temp/uwsgi;
  scgi_temp_path $tmp/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    include $tmp/poles.conf;
  }
}
CONF
/usr/sbin/nginx -t -q -c "$tmp/nginx.conf" -p "$tmp"
/usr/sbin/nginx -c "$tmp/nginx.conf" -p "$tmp"
wait_port "$NGINX_PORT" || { echo "nginx did not start"; cat "$tmp/nginx-error.log"; exit 1; }
echo "== nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*\///') with deploy/nginx.conf on :$NGINX_PORT =="
url="http://127.0.0.1:$NGINX_PORT/explorateur/"
python3 scripts/check_deploy.py "$url" "$(python3 scripts/deploy_config.py --print)" || fail=1
node scripts/check_app.mjs "$url" || fail=1

# --- Apache: deploy/htaccess as shipped, beside index.html ---------------------------------
cp deploy/htaccess "$tmp/www/explorateur/.htaccess"
chmod a+r "$tmp/www/explorateur/.htaccess"
mods=/usr/lib/apache2/modules
user_lines=""
[ "$(id -u)" = 0 ] && user_lines=$'User www-data\nGroup www-data'
cat > "$tmp/apache.conf" <<CONF
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$APACHE_PORT
PidFile $tmp/apache.pid
ErrorLog $tmp/apache-error.log
DefaultRuntimeDir $tmp
Mutex file:$tmp
$user_lines
LoadModule mpm_event_module $mods/mod_mpm_event.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
LoadModule headers_module $mods/mod_headers.so
LoadModule rewrite_module $mods/mod_rewrite.so
LoadModule filter_module $mods/mod_filter.so
LoadModule deflate_module $mods/mod_deflate.so
TypesConfig /etc/mime.types
DocumentRoot $tmp/www
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory $tmp/www>
  AllowOverride All
  Require all granted
</Directory>
CONF
/usr/sbin/apache2 -t -f "$tmp/apache.conf" 2>&1 | grep -v "Syntax OK" || true
/usr/sbin/apache2 -f "$tmp/apache.conf" -k start
wait_port "$APACHE_PORT" || { echo "apache did not start"; cat "$tmp/apache-error.log"; exit 1; }
echo "== $(/usr/sbin/apache2 -v | head -1 | sed 's/Server version: //') with deploy/htaccess on :$APACHE_PORT =="
url="http://127.0.0.1:$APACHE_PORT/explorateur/"
python3 scripts/check_deploy.py "$url" "$(python3 scripts/deploy_config.py --print)" || fail=1
node scripts/check_app.mjs "$url" || fail=1

exit $fail
