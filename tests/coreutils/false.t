exec false
exec false ignored args
