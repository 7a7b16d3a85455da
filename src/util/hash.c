/* hash.c — see hash.h.  Eight bytes at a time, multiply–rotate mixing (in
 * the style of the xxHash/wyhash family) and a final avalanche. */
#include "util/hash.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define K1 UINT64_C(0x9e3779b97f4a7c15)
#define K2 UINT64_C(0xc2b2ae3d27d4eb4f)

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static uint64_t mix(uint64_t h, uint64_t w)
{
	return rotl(h ^ (w * K1), 31) * K2;
}

uint64_t hash_add(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t n = len;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = mix(h, w);
		p += 8;
		n -= 8;
	}
	uint64_t tail = 0;
	memcpy(&tail, p, n);
	h = mix(h, tail ^ ((uint64_t)len << 56) ^ len);
	h ^= h >> 33;
	h *= K1;
	h ^= h >> 29;
	return h;
}

uint64_t hash_str(uint64_t h, const char *s)
{
	return s ? hash_add(h, s, strlen(s)) : hash_add(h, "\xff", 1);
}

int hash_file(uint64_t *h, const char *path)
{
	/* only a regular file: a pipe would be drained before it is
	 * converted, and a named pipe with no writer never ends */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	char buf[1 << 16];
	uint64_t acc = *h;
	ssize_t got;
	while ((got = read(fd, buf, sizeof buf)) > 0)
		acc = hash_add(acc, buf, (size_t)got);
	int err = got < 0 ? errno : 0;
	close(fd);
	if (err) {
		errno = err;
		return -1;
	}
	*h = acc;
	return 0;
}
