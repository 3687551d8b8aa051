%setup echo one > a; echo two > b; chmod 640 b; mkdir -p d/e t; echo x > d/x; echo y > d/e/y; ln -s a la; ln -s ../a d/lnk; touch -d '2020-01-02' a d/x
@tree cp a c
@tree cp a b
@tree cp b c
@tree cp a b t
@tree cp a t/
@tree @status cp d t
@tree cp -r d t
@tree cp -R d c
@tree cp -r d/ c
@tree cp -r d t/
@tree cp la c
@tree cp -P la c
@tree cp -r la c
@tree cp -p a c && stat -c %Y c
cp a c && stat -c %Y c | grep -c 1577923200
@tree cp -a d c && stat -c '%Y' c/x
@tree cp -a la c
@tree @status cp a a
@tree @status cp nope c
@tree @status cp a
@tree @status cp
@tree @status cp a b c
@status cp -r d d/e
@tree cp -n a b
@tree sh -c 'echo n | cp -i a b'
@tree sh -c 'echo y | cp -i a b'
@tree cp -f a b
@tree @status cp d/x d/e/y nope
@tree cp -v a c
@tree cp -rv d c | sort
@tree @status cp -r a d/e/y/
%setup mkdir ro; echo old > ro/f; chmod 444 ro/f
@tree cp -f a ro/f
@tree cp a ro/f; echo $?
