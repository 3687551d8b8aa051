id
id -u
id -g
id -G
id -un
id -gn
id -Gn
id -ur
id root
id -u daemon
id -Gn root
@status id nosuchuser
@status id -n
@status id -u -g
id 0
