import { finished, launch, stopLeftovers } from '../support/localCommands';
import { occupyPort } from '../support/occupyPort';

afterEach(stopLeftovers);

/* Every bad setting of npm start gets one sentence that says what to do, never a stack trace. */
describe('npm start with a HOST or PORT it cannot listen on', () => {
  it('says in one sentence that HOST=999.1.1.1 is no address of this machine', async () => {
    const run = await finished(launch(['start'], { HOST: '999.1.1.1', PORT: '0' }));

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "Playlist Pal cannot start. HOST=999.1.1.1 is not a name or address this machine can resolve: leave HOST unset for 127.0.0.1, or set it to one of this machine's addresses.\n",
    );
  });

  it('says in one sentence that an address of another machine cannot be listened on', async () => {
    // 192.0.2.0/24 is reserved for documentation: never an address of this machine.
    const run = await finished(launch(['start'], { HOST: '192.0.2.1', PORT: '0' }));

    expect(run.code).toBe(1);
    expect(run.stderr).toBe("Playlist Pal cannot start. HOST=192.0.2.1 is not an address of this machine: leave HOST unset for 127.0.0.1, or set it to one of this machine's addresses.\n");
  });

  it('suggests PORT=0, which always works, when the port is taken, not another port that may be taken too', async () => {
    const taken = await occupyPort();
    try {
      const run = await finished(launch(['start'], { PORT: String(taken.port) }));

      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `Playlist Pal cannot start. Port ${taken.port} is already in use, so the Alexa endpoint cannot start. ` +
          'Stop whatever is using it (another npm start?), or let the system pick free ports: PORT=0 npm start\n',
      );
    } finally {
      await taken.close();
    }
  });
});
