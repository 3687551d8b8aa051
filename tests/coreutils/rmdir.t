%setup mkdir -p a/b/c d; touch d/f
@tree rmdir a/b/c
@tree rmdir -p a/b/c
@tree @status rmdir d
@tree @status rmdir nope
@tree @status rmdir a d
@tree @status rmdir
@tree @status rmdir d/f
