#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prints the SHA-512 crypt hashes user/tests/t_crypt.c expects, made again by the host's
# OpenSSL (openssl passwd -6): run it to check the test's table against another implementation.
set -eu
command -v openssl >/dev/null || { echo "crypt-vectors.sh: no openssl" >&2; exit 1; }
p200=$(printf 'p%.0s' $(seq 200))
openssl passwd -6 -salt u5erSalt user
openssl passwd -6 -salt saltstring root
openssl passwd -6 -salt 'rounds=1000$roundstoolow' 'Hello world!'
openssl passwd -6 -salt 'rounds=1400$anotherlongsaltstring' \
	'a very much longer text to encrypt.  This one even stretches over morethan one line.'
openssl passwd -6 -salt 'rounds=77777$short' 'we have a short salt string but not a short password'
openssl passwd -6 -salt 'rounds=10000$exactly16charsxx' x
openssl passwd -6 -salt 'rounds=10$toolow' pw
openssl passwd -6 -salt ThisSaltIsLongerThanSixteen "$p200"
