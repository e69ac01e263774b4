/** Just enough MediaRecorder: the test hands out chunks; stop() flushes a last one, then 'stop'. */
export class FakeMediaRecorder extends EventTarget {
  static instances: FakeMediaRecorder[] = [];
  static isTypeSupported(type: string) {
    return type.startsWith('video/webm');
  }
  state: RecordingState = 'inactive';
  readonly mimeType: string;
  constructor(_stream: MediaStream, options: { mimeType: string }) {
    super();
    this.mimeType = options.mimeType;
    FakeMediaRecorder.instances.push(this);
  }
  start() {
    this.state = 'recording';
  }
  requestData() {
    this.emit(new Uint8Array([0xff]));
  }
  stop() {
    this.emit(new Uint8Array([0xee]));
    this.state = 'inactive';
    this.dispatchEvent(new Event('stop'));
  }
  emit(bytes: Uint8Array<ArrayBuffer>) {
    const event = new Event('dataavailable') as Event & { data: Blob };
    event.data = new Blob([bytes]);
    this.dispatchEvent(event);
  }
}

