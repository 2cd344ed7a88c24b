"""A program written for PyArmNN 24.x, in the style of its examples; it must run unchanged on pyarmnn.
Usage: pyarmnn_style_program.py model.tflite input.npy [backend ...]"""
import sys

import numpy as np
import pyarmnn as ann

model_path, input_path = sys.argv[1], sys.argv[2]
backend_names = sys.argv[3:] or ["CpuAcc", "CpuRef"]

print("Working with Arm NN version", ann.ARMNN_VERSION)

parser = ann.ITfLiteParser()
network = parser.CreateNetworkFromBinaryFile(model_path)

graph_id = 0
input_names = parser.GetSubgraphInputTensorNames(graph_id)
input_binding_info = parser.GetNetworkInputBindingInfo(graph_id, input_names[0])
input_tensor_id = input_binding_info[0]
input_tensor_info = input_binding_info[1]
print("tensor id:", input_tensor_id)
print("tensor info:", input_tensor_info)

options = ann.CreationOptions()
runtime = ann.IRuntime(options)

preferred_backends = [ann.BackendId(name) for name in backend_names]
opt_network, messages = ann.Optimize(network, preferred_backends, runtime.GetDeviceSpec(), ann.OptimizerOptions())

properties = ann.INetworkProperties(False, ann.MemorySource_Undefined, ann.MemorySource_Undefined)
net_id, _ = runtime.LoadNetwork(opt_network, properties)
print("Loaded network, id={}".format(net_id))

image = np.load(input_path).astype(np.float32)
input_tensors = ann.make_input_tensors([input_binding_info], [image])

output_names = parser.GetSubgraphOutputTensorNames(graph_id)
output_binding_info = parser.GetNetworkOutputBindingInfo(0, output_names[0])
output_tensors = ann.make_output_tensors([output_binding_info])

runtime.EnqueueWorkload(net_id, input_tensors, output_tensors)
results = ann.workload_tensors_to_ndarray(output_tensors)
print(results[0])
print("top:", int(np.argmax(results[0])))
