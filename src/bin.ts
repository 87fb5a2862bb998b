import { main } from './cli';

// The `framelens` executable: the only place that sets the exit code, so tests can import `main`.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
