print("smi")
