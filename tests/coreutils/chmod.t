%setup touch f g; chmod 644 f g; mkdir -p d/e; touch d/x; chmod 755 d d/e; chmod 600 d/x; ln -s f l
@tree chmod 755 f
@tree chmod 0 f
@tree chmod 4755 f
@tree chmod u+x f
@tree chmod a-r f
@tree chmod go+w,u-w f
@tree chmod u=rwx,g=rx,o= f g
@tree chmod +x f
@tree chmod -w f
@tree chmod a=r f
@tree chmod g=u f
@tree chmod o=g-r f
@tree chmod u+s,g+s f
@tree chmod +t d
@tree chmod a+X f d
@tree chmod -R go-rwx d
@tree chmod -R a+X d
@tree chmod -R 700 d
@tree chmod 600 l
@tree chmod u+rw-x f
@tree chmod 1777 d
@tree @status chmod
@tree @status chmod 755
@tree @status chmod 999 f
@tree @status chmod u+q f
@tree @status chmod 755 nope f
@tree chmod -- 700 f
@tree chmod =rw f
