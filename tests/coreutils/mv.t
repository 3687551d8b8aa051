%setup echo one > a; echo two > b; mkdir -p d/e t; echo x > d/x; ln -s a la
@tree mv a c
@tree mv a b
@tree mv a b t
@tree mv d t
@tree mv d c
@tree mv la t
@tree mv a t/
@tree @status mv a a
@tree @status mv nope c
@tree @status mv a
@tree @status mv
@tree @status mv a b c
@tree @status mv d d/e
@tree @status mv a t/nonexistent/x
@tree mv -n a b
@tree sh -c 'echo n | mv -i a b'
@tree sh -c 'echo y | mv -i a b'
@tree mv -f a b
@tree mv -v a c
@tree @status mv d b
@tree @status mv a d
@tree mv d/ c
