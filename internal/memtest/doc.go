// Package memtest measures the heap from tests: how high it rises while
// some code runs, garbage included, as RSS follows it.
package memtest
