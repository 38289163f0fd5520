print("hamkor")
