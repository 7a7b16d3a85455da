# listen.py PORTFILE LOGFILE — accept TCP connections on 127.0.0.1 (a free
# port, written to PORTFILE) and append a line to LOGFILE for each one, so a
# test can prove that nothing tried to reach the network.  Runs until killed.
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:
    c, _ = s.accept()
    with open(sys.argv[2], "a") as f:
        f.write("connection\n")
    c.close()
