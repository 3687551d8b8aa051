@tree mkdir a
@tree mkdir a b c
@tree mkdir -p a/b/c
@tree mkdir -m 700 d
@tree mkdir -m u=rwx,g=rx,o= d
@tree mkdir -m a+w d
@tree mkdir -p -m 711 x/y/z
@tree mkdir -p a/../b
%setup mkdir e
@tree mkdir -p e
@tree @status mkdir e
@tree @status mkdir x/y
@tree @status mkdir
@tree @status mkdir -m zz d
@tree mkdir -p e/f/
