exec true
exec true ignored args
