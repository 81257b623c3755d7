#!/usr/bin/python3
"""Writes test/fixtures/models/: real torch.save / safetensors / np.savez files and torch's own outputs.

Run by hand with Debian's python3-torch and numpy (`/usr/bin/python3 scripts/make-model-fixtures.py`); the tests
only read what it wrote. Each model's expected outputs come from torch running the stored weights in float64,
so the kernel (float64) must match them to 1e-12 whatever dtype the file holds.
"""
import collections, gzip, io, json, os, struct, zipfile, zlib

import numpy as np
import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'models')
os.makedirs(OUT, exist_ok=True)
path = lambda name: os.path.join(OUT, name)

ST_DTYPE = {torch.float64: 'F64', torch.float32: 'F32', torch.float16: 'F16', torch.bfloat16: 'BF16',
            torch.int64: 'I64'}


def save_safetensors(tensors, name, header_edit=None):
    """The safetensors format written by hand (the python package is not installed): u64 header length, JSON, data."""
    header, blobs, offset = {}, [], 0
    for key, t in tensors.items():
        t = t.contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if t.dtype == torch.bfloat16 else t.numpy().tobytes()
        header[key] = {'dtype': ST_DTYPE[t.dtype], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    header['__metadata__'] = {'format': 'pt'}
    if header_edit:
        header_edit(header)
    text = json.dumps(header).encode()
    text += b' ' * (-len(text) % 8)
    with open(path(name), 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(blobs))


def run_torch(model, lstm, head, xs):
    """torch's own outputs in float64, step by step: every layer's h and c, and the head's y."""
    model = model.double()
    lstm, head = getattr(model, lstm), head and getattr(model, head)
    layers, H = lstm.num_layers, lstm.hidden_size
    h = torch.zeros(layers, 1, H, dtype=torch.float64)
    c = torch.zeros(layers, 1, H, dtype=torch.float64)
    steps = []
    with torch.no_grad():
        for x in xs:
            out, (h, c) = lstm(torch.tensor([[x]], dtype=torch.float64), (h, c))
            step = {'h': h[:, 0].tolist(), 'c': c[:, 0].tolist()}
            if head is not None:
                step['y'] = head(out[0, 0]).tolist()
            steps.append(step)
    return steps


class Net(nn.Module):
    def __init__(self, lstm_name, head_name, X, H, Y, layers, **kw):
        super().__init__()
        self.lstm_name, self.head_name = lstm_name, head_name
        setattr(self, lstm_name, nn.LSTM(X, H, layers, **kw))
        if head_name:
            setattr(self, head_name, nn.Linear(H, Y))


def make(name, X, H, Y, layers, dtype, lstm_name='lstm', head_name='fc', formats=('pt', 'safetensors', 'npz')):
    torch.manual_seed(len(name) * 7 + layers)
    model = Net(lstm_name, head_name, X, H, Y, layers).to(dtype)
    state = model.state_dict()
    if 'pt' in formats:
        torch.save(state, path(name + '.pt'))
    if 'safetensors' in formats:
        save_safetensors(state, name + '.safetensors')
    if 'npz' in formats:
        arrays = {k: v.double().numpy() if dtype == torch.bfloat16 else v.numpy() for k, v in state.items()}
        np.savez(path(name + '.npz'), **arrays)
        np.savez_compressed(path(name + '.compressed.npz'), **arrays)
    xs = [[round(0.5 * np.sin(t * 1.3 + k), 3) for k in range(X)] for t in range(5)]
    expected = {'X': X, 'H': H, 'Y': Y, 'layers': layers, 'dtype': str(dtype).replace('torch.', ''),
                'lstm': lstm_name, 'head': head_name, 'inputs': xs, 'steps': run_torch(model, lstm_name, head_name, xs)}
    with open(path(name + '.expected.json'), 'w') as f:
        json.dump(expected, f, indent=1)
    return model


# Verified models.
make('lstm1-fc-f32', X=3, H=4, Y=2, layers=1, dtype=torch.float32)
make('lstm3-decoder-f64', X=3, H=5, Y=2, layers=3, dtype=torch.float64, lstm_name='rnn', head_name='decoder')
make('lstm2-f16', X=2, H=3, Y=1, layers=2, dtype=torch.float16, head_name='out')
make('lstm1-bf16', X=2, H=3, Y=1, layers=1, dtype=torch.bfloat16, head_name='head', formats=('pt', 'safetensors'))

# The 1-layer model again: pickle protocols 4 and 5, and .npz arrays in Fortran order and big-endian.
m1 = make('lstm1-fc-f32', X=3, H=4, Y=2, layers=1, dtype=torch.float32, formats=())
for protocol in (4, 5):
    torch.save(m1.float().state_dict(), path(f'lstm1-fc-f32.p{protocol}.pt'), pickle_protocol=protocol)
np.savez(path('lstm1-fc-f32.fortran-be.npz'),
         **{k: np.asfortranarray(v.numpy()).astype('>f4') for k, v in m1.float().state_dict().items()})

# Tensors that are views: a transposed weight (strides) and a slice of a larger storage (storage offset).
torch.manual_seed(5)
strided_model = Net('lstm', None, 2, 3, 1, 1).double()
sd = strided_model.state_dict()
big = torch.zeros(100, dtype=torch.float64)
big[7:7 + 12] = sd['lstm.bias_ih_l0']
views = collections.OrderedDict([
    ('lstm.weight_ih_l0', sd['lstm.weight_ih_l0'].t().contiguous().t()),
    ('lstm.weight_hh_l0', sd['lstm.weight_hh_l0']),
    ('lstm.bias_ih_l0', big[7:19]),
    ('lstm.bias_hh_l0', sd['lstm.bias_hh_l0'])])
assert not views['lstm.weight_ih_l0'].is_contiguous() and views['lstm.bias_ih_l0'].storage_offset() == 7
torch.save(views, path('strided.pt'))
xs = [[0.3, -0.7], [1.1, 0.2], [-0.5, 0.5]]
with open(path('strided.expected.json'), 'w') as f:
    json.dump({'X': 2, 'H': 3, 'layers': 1, 'inputs': xs, 'steps': run_torch(strided_model, 'lstm', None, xs)}, f)

# float16 and bfloat16 bit patterns with the values numpy and torch give them.
bits = sorted({0, 1, 0x3ff, 0x400, 0x3c00, 0x7bff, 0x7c00, 0x8000, 0x8001, 0xfc00, 0xc000, 0x3555, 0x0200}
              | {int(b) for b in np.random.RandomState(1).randint(0, 0x10000, 300)})
half = np.array(bits, dtype=np.uint16).view(np.float16).astype(np.float64)
bf = torch.tensor(np.array(bits, dtype=np.uint16).view(np.int16)).view(torch.bfloat16).double().numpy()
with open(path('half-values.json'), 'w') as f:
    json.dump({'bits': bits, 'float16': [None if np.isnan(v) else (str(v) if np.isinf(v) else float(v)) for v in half],
               'bfloat16': [None if np.isnan(v) else (str(v) if np.isinf(v) else float(v)) for v in bf]}, f)

# The same 1-layer float32 model in Keras layout (columns i, f, c, o; one bias), TF2 names with :0 and a dense_1.
torch.manual_seed(11)
keras_model = Net('lstm', 'fc', 3, 4, 2, 1).double()
with torch.no_grad():
    keras_model.lstm.bias_hh_l0.zero_()
sd = keras_model.state_dict()
keras = {'lstm/lstm_cell/kernel:0': sd['lstm.weight_ih_l0'].T.tolist(),
         'lstm/lstm_cell/recurrent_kernel:0': sd['lstm.weight_hh_l0'].T.tolist(),
         'lstm/lstm_cell/bias:0': sd['lstm.bias_ih_l0'].tolist(),
         'dense_1/kernel:0': sd['fc.weight'].T.tolist(),
         'dense_1/bias:0': sd['fc.bias'].tolist()}
with open(path('keras-tf2.json'), 'w') as f:
    json.dump(keras, f)
xs = [[0.1, -0.4, 0.9], [0.5, 0.5, -0.2], [-1.0, 0.3, 0.0]]
with open(path('keras-tf2.expected.json'), 'w') as f:
    json.dump({'X': 3, 'H': 4, 'Y': 2, 'layers': 1, 'inputs': xs, 'steps': run_torch(keras_model, 'lstm', 'fc', xs)}, f)

# Refused kinds, each saved the way its users save it.
torch.manual_seed(3)
torch.save(nn.LSTM(2, 3, bidirectional=True).state_dict(), path('refused-bidirectional.pt'))
torch.save(nn.LSTM(2, 3, proj_size=2).state_dict(), path('refused-proj.pt'))
torch.save(nn.GRU(2, 3).state_dict(), path('refused-gru.pt'))
torch.save(nn.RNN(2, 3).state_dict(), path('refused-rnn.pt'))
torch.save(Net('lstm', 'fc', 2, 3, 1, 1), path('refused-module.pt'))
torch.save(nn.LSTM(2, 3).state_dict(), path('refused-legacy.pt'), _use_new_zipfile_serialization=False)
two = collections.OrderedDict()
for prefix, m in (('encoder.', nn.LSTM(2, 3)), ('decoder.', nn.LSTM(3, 3))):
    for k, v in m.state_dict().items():
        two[prefix + k] = v
two['fc.weight'], two['fc.bias'] = torch.zeros(1, 3), torch.zeros(1)
two['proj.weight'], two['proj.bias'] = torch.zeros(2, 3), torch.zeros(2)
torch.save(two, path('two-lstms.pt'))
lstm = nn.LSTM(2, 3)
adam = torch.optim.Adam(lstm.parameters())
lstm(torch.ones(4, 1, 2))[0].sum().backward()
adam.step()  # so the optimizer's state holds tensors (exp_avg, …) that must not be taken for weights
torch.save({'epoch': 7, 'model': lstm.state_dict(), 'optimizer': adam.state_dict()}, path('checkpoint.pt'))


# Hostile files. A .pt whose data.pkl is replaced by a pickle of our own.
def pt_with_pickle(name, pickle_bytes):
    buf = io.BytesIO()
    torch.save(nn.LSTM(1, 1).state_dict(), buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path(name), 'w', zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            data = pickle_bytes if info.filename.endswith('/data.pkl') else src.read(info.filename)
            out.writestr(info.filename, data)


MARKER = '/tmp/lstm-notebook-pwned'
pt_with_pickle('hostile-os-system.pt', b'\x80\x02cos\nsystem\nX' + struct.pack('<I', len('touch ' + MARKER))
               + ('touch ' + MARKER).encode() + b'\x85R.')
pt_with_pickle('hostile-eval.pt', b'\x80\x02cbuiltins\neval\nX' + struct.pack('<I', 11) + b'print("hi")\x85R.')
pt_with_pickle('hostile-deep.pt', b'\x80\x02' + b']' * 200_000 + b'a' * 199_999 + b'.')
pt_with_pickle('hostile-marks.pt', b'\x80\x02' + b'(' * 500_000 + b'.')
shared = torch.zeros(10_000)  # one storage, so the file is mostly pickle
many = collections.OrderedDict((f't{k}', shared[k:k + 1]) for k in range(10_000))
torch.save(many, path('hostile-10000-tensors.pt'))
# The big ones are stored gzipped (KBs in the repository); the tests gunzip them.
for name in ('hostile-deep.pt', 'hostile-marks.pt', 'hostile-10000-tensors.pt'):
    with open(path(name), 'rb') as f, open(path(name + '.gz'), 'wb') as out:
        with gzip.GzipFile(fileobj=out, mode='wb', compresslevel=9, mtime=0) as g:  # mtime 0: same bytes each run
            g.write(f.read())
    os.remove(path(name))

nan_state = nn.LSTM(2, 3).state_dict()
nan_state['weight_ih_l0'][5, 1] = float('nan')
save_safetensors(nan_state, 'hostile-nan.safetensors')
torch.save(nan_state, path('hostile-nan.pt'))

base = nn.LSTM(2, 3).state_dict()


def lie(name, edit):
    save_safetensors(base, name, edit)


def past_end(h):
    h['weight_ih_l0']['data_offsets'][1] += 10_000
lie('hostile-offset-past-end.safetensors', past_end)


def overlap(h):
    h['weight_hh_l0']['data_offsets'] = [h['weight_ih_l0']['data_offsets'][0] + 4,
                                         h['weight_ih_l0']['data_offsets'][0] + 4 + 36 * 4]
lie('hostile-overlap.safetensors', overlap)


# The data must be indexed whole, tensor after tensor (safetensors' own rule): no hole, nothing left over.
lie('hostile-hole.safetensors', lambda h: h.pop('weight_hh_l0'))
lie('hostile-trailing-bytes.safetensors', lambda h: h.pop('bias_hh_l0'))


def wrong_size(h):
    h['weight_ih_l0']['shape'] = [12, 3]
lie('hostile-shape-mismatch.safetensors', wrong_size)
save_safetensors(base, 'hostile-header-past-end.safetensors')
with open(path('hostile-header-past-end.safetensors'), 'r+b') as f:
    f.write(struct.pack('<Q', 1 << 40))

np.savez(path('hostile-object.npz'), weight_ih_l0=np.array([{'a': 1}, None], dtype=object))


def zip_by_hand(member, data, declared_size):
    """A one-member zip whose headers declare `declared_size` bytes uncompressed, whatever `data` inflates to."""
    crc, name = 0, member.encode()
    local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0, crc, len(data), declared_size, len(name), 0)
    central = struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(data), declared_size,
                          len(name), 0, 0, 0, 0, 0, 0)
    body = local + name + data
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 1, 1, len(central) + len(name), len(body), 0)
    return body + central + name + end


# An .npy of 1 GiB of zeros: a valid header, then zeros, deflated (about 1 MB), gzipped for the repository (KBs).
npy_header = b"{'descr': '<f8', 'fortran_order': False, 'shape': (134217728,), }"
npy_header += b' ' * (-(len(npy_header) + 11) % 64) + b'\n'
deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
chunks = [deflate.compress(b'\x93NUMPY\x01\x00' + struct.pack('<H', len(npy_header)) + npy_header)]
zeros = bytes(1 << 24)
for _ in range(64):
    chunks.append(deflate.compress(zeros))
chunks.append(deflate.flush())
bomb = b''.join(chunks)
for name, declared in (('hostile-bomb-honest.npz.gz', (1 << 30) + 128), ('hostile-bomb-lying.npz.gz', 1024)):
    with open(path(name), 'wb') as out, gzip.GzipFile(fileobj=out, mode='wb', compresslevel=9, mtime=0) as f:
        f.write(zip_by_hand('weight_ih_l0.npy', bomb, declared))
print('wrote', len(os.listdir(OUT)), 'files to', os.path.normpath(OUT))

# Lesson 7's trained weights (lessons/weights/remember-first.json) as PyTorch itself saves them: an nn.LSTM
# named `lstm` and an nn.Linear head named `fc`, float32, torch.save(model.state_dict()).
LESSON = os.path.join(os.path.dirname(__file__), '..', 'lessons', 'weights')
with open(os.path.join(LESSON, 'remember-first.json')) as f:
    trained = json.load(f)
lesson_model = Net('lstm', 'fc', 1, 2, 1, 1)
with torch.no_grad():
    for key in ('weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'):
        getattr(lesson_model.lstm, key).copy_(torch.tensor(trained[key]))
    lesson_model.fc.weight.copy_(torch.tensor(trained['dense.weight']))
    lesson_model.fc.bias.copy_(torch.tensor(trained['dense.bias']))
torch.save(lesson_model.state_dict(), os.path.join(LESSON, 'remember-first.pt'))
