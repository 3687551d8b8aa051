#ifndef _CRYPT_H
#define _CRYPT_H
/* Hashes key as setting says ("$6$[rounds=N$]SALT": SHA-512 crypt); NULL (EINVAL) otherwise. */
char *crypt(const char *key, const char *setting);
#endif
