// Jest's node environment, plus: apps a test file started and never closed are closed once its tests
// and hooks have run, while its modules can still load. A beforeAll that timed out (a loaded machine)
// leaves its TestApp starting; once started, its job workers would poll after Jest tore the file down
// and fail whichever suite runs next in that worker ("require after the Jest environment has been torn down").
const { TestEnvironment } = require('jest-environment-node');

class CrossroadsTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'run_finish') return;
    const leftovers = this.global.__crossroadsOpenApps;
    if (leftovers) await Promise.allSettled([...leftovers].map((close) => close()));
  }
}

module.exports = CrossroadsTestEnvironment;
