module example.com/callfixture

go 1.21
