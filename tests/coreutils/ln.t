%setup echo data > f; mkdir d; echo other > g
@tree ln f h
@tree ln -s f s
@tree ln -s /nowhere dangling
@tree ln f g d
@tree ln -s ../f d
@tree @status ln f g
@tree ln -f f g
@tree ln -sf f g
@tree @status ln nope x
@tree @status ln
@tree ln -s f d/s
@tree ln -s d dl
%setup ln -s d dl
@tree ln -s f dl
@tree ln -sfn f dl
@tree @status ln f f
@tree @status ln -f f f
@tree @status ln d dd
